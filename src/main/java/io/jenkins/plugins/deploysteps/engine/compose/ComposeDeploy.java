package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code composeDeploy}: the deployment checklist for a compose project as one step. Preflight (nothing
 * changed yet): compose files, compose command, disk, memory, required env keys, revision, port conflicts.
 * Then lock, back up, down → build → up, verify every service, keep the logs, and roll back on any failure
 * after the deploy began.
 */
public final class ComposeDeploy extends DeclaredStep<ComposeDeploySpec> {
    public static final String NAME = "composeDeploy";
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A commit id or tag: what expectRevision (and syncFiles' revision) may be. */
    public static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._/+-]{1,200}");

    static final Param<List<String>> ENV_FILE = ComposeParams.paths("envFile").withDefault(List.of(".env"))
            .doc("env files `requiredEnv` is checked in (also backed up by default)");
    static final Param<List<String>> REQUIRED_ENV = Param.strings("requiredEnv", List.of())
            .doc("keys that must be set in the env files; values are never read").rule(Param.eachEntry((path, key) -> {
                if (!ENV_KEY.matcher(key).matches()) {
                    throw new SpecException(path, "'" + key + "' is not an environment variable name");
                }
            }));
    static final Param<String> EXPECT_REVISION = Param.string("expectRevision").shownDefault("not checked")
            .doc("the revision `dir` must hold (`REVISION`, else git HEAD)").rule((path, revision) -> {
                if (!REVISION.matcher(revision).matches()) {
                    throw new SpecException(path, "'" + revision + "' is not a commit id or tag");
                }
            });
    static final Param<ByteSize> MIN_FREE_DISK = Param.size("minFreeDisk").shownDefault("not checked").doc("least free space on `dir`'s file system");
    static final Param<ByteSize> MIN_FREE_MEMORY = Param.size("minFreeMemory").shownDefault("not checked").doc("least available memory");
    static final Param<List<String>> BACKUP = ComposeParams.paths("backup").shownDefault("compose and env files")
            .doc("files to back up, relative to `dir` or absolute");
    static final Param<Integer> KEEP_BACKUPS = Param.integer("keepBackups", 5, 1, 100).doc("backups kept on the host");
    static final Param<Boolean> REMOVE_ORPHANS = Param.bool("removeOrphans", true).doc("`--remove-orphans` on `up` (`recreate`: on `down`)");
    static final Param<Boolean> NO_CACHE = Param.bool("noCache", true).doc("`build --no-cache`");
    static final Param<Boolean> PULL = Param.bool("pull", false).doc("`compose pull` before building");
    static final Param<Boolean> ROLLBACK = Param.bool("rollback", true).doc("roll back on a failure once the running containers may have changed (at `up`; `recreate`: at `down`), also after an "
            + "unexpected error; when the rollback's own `compose down` fails, the project's containers are removed and the previous version is "
            + "started anyway");
    /** A route of blue-green's {@code routes}, and the {@code downtimeProbe} map, as the Jenkins forms name them. */
    public static final ParamSet ROUTE_PARAMS = StrategyParams.Route.ALL;
    public static final ParamSet DOWNTIME_PARAMS = StrategyParams.Downtime.ALL;
    private static final ParamSet PARAMS = ComposeParams.declarations(NAME, ParamSet.of(ENV_FILE, REQUIRED_ENV, EXPECT_REVISION, MIN_FREE_DISK,
            MIN_FREE_MEMORY, BACKUP, KEEP_BACKUPS, REMOVE_ORPHANS, NO_CACHE, PULL, ROLLBACK).plus(StrategyParams.ALL));

    public ComposeDeploy() {
        super(NAME, "Rebuild and redeploy a compose project over SSH: preflight, lock, backup, down/build/up, verify, roll back on failure.",
                PARAMS);
    }

    @Override
    public ComposeDeploySpec bind(Params p) {
        ComposeTarget target = ComposeParams.target(p);
        PreflightSettings preflight = new PreflightSettings(p.get(ENV_FILE), p.get(REQUIRED_ENV), p.get(EXPECT_REVISION), p.get(MIN_FREE_DISK),
                p.get(MIN_FREE_MEMORY));
        DeploySettings deploy = new DeploySettings(p.get(BACKUP), p.get(KEEP_BACKUPS), p.get(REMOVE_ORPHANS), p.get(NO_CACHE), p.get(PULL),
                p.get(ROLLBACK));
        VerifySettings verify = ComposeParams.verify(p);
        return p.done(new ComposeDeploySpec(target, preflight, deploy, StrategyParams.read(p, target.project(), verify.waitTimeout()), verify,
                ComposeParams.timeouts(p), p.get(ComposeParams.DRY_RUN), CommonParams.read(p, NAME)));
    }

    /** The checklist's stages: connect, preflight (nothing changed yet), then the deploy ({@link Deployment}). */
    @Override
    public Report run(ComposeDeploySpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, spec.target().host() + ":" + spec.target().dir());
        ComposeRun run = ComposeRun.connect(ctx, report, spec,
                "dry run: preflight ran, every command that would change the host was printed instead of run");
        Outcome<ComposeProject> project = new Preflight(run, spec).run(run.connection());
        if (project.present()) {
            report.fact("composeCommand", project.value().flavor().label());
            report.fact("composeFiles", project.value().files());
        }
        new Deployment(run, spec).run(project);
        return report.finish(spec.common().onFailure());
    }
}
