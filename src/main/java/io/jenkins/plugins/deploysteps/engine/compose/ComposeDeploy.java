package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code composeDeploy}: the deployment checklist for a compose project as one step. Preflight (nothing
 * changed yet): compose files, compose command, disk, memory, required env keys, revision, port conflicts.
 * Then lock, back up, down → build → up, verify every service, keep the logs, and roll back on any failure
 * after the deploy began.
 */
public final class ComposeDeploy implements StepDefinition<ComposeDeploySpec> {
    public static final String NAME = "composeDeploy";
    static final int DEFAULT_KEEP_BACKUPS = 5;
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A commit id or tag: what expectRevision (and syncFiles' revision) may be. */
    public static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._/+-]{1,200}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Rebuild and redeploy a compose project over SSH: preflight, lock, backup, down/build/up, verify, roll back on failure.";
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(ComposeParams.TARGET_DOCS);
        docs.addAll(List.of(
                new ParamDoc("envFile", "list of strings", "['.env']", "Env files requiredEnv is checked in, relative to dir or absolute."),
                new ParamDoc("requiredEnv", "list of strings", "[]", "Keys that must be set in the env files (values are never read)."),
                new ParamDoc("expectRevision", "string", "(not checked)", "The revision dir must hold: its REVISION file, else git HEAD."),
                new ParamDoc("minFreeDisk", "size", "(not checked)", "Least free space on dir's file system, e.g. '2GB'."),
                new ParamDoc("minFreeMemory", "size", "(not checked)", "Least available memory, e.g. '256MB'."),
                new ParamDoc("backup", "list of strings", "the compose files and env files", "Files to back up (relative to dir or absolute)."),
                new ParamDoc("keepBackups", "number", "5", "How many backups stay on the host."),
                new ParamDoc("removeOrphans", "boolean", "true", "down --remove-orphans."),
                new ParamDoc("noCache", "boolean", "true", "build --no-cache."),
                new ParamDoc("pull", "boolean", "false", "Pull images before building."),
                new ParamDoc("rollback", "boolean", "true", "Roll back when anything fails after the deploy began.")));
        docs.addAll(StrategyParams.DOCS);
        docs.addAll(ComposeParams.VERIFY_DOCS);
        docs.addAll(CommonParams.DOCS);
        return docs;
    }

    @Override
    public ComposeDeploySpec bind(Params p) {
        ComposeTarget target = ComposeParams.target(p);
        List<String> envFiles = ComposeParams.paths(p, "envFile");
        List<String> keys = p.stringList("requiredEnv");
        for (int i = 0; i < keys.size(); i++) {
            if (!ENV_KEY.matcher(keys.get(i)).matches()) {
                throw new SpecException(p.path("requiredEnv") + "[" + i + "]", "'" + keys.get(i) + "' is not an environment variable name");
            }
        }
        String revision = p.optionalString("expectRevision").orElse(null);
        if (revision != null && !REVISION.matcher(revision).matches()) {
            throw new SpecException(p.path("expectRevision"), "'" + revision + "' is not a commit id or tag");
        }
        PreflightSettings preflight = new PreflightSettings(envFiles.isEmpty() ? List.of(".env") : envFiles, keys, revision,
                p.optionalSize("minFreeDisk").orElse(null), p.optionalSize("minFreeMemory").orElse(null));
        DeploySettings deploy = new DeploySettings(ComposeParams.paths(p, "backup"), p.integer("keepBackups", DEFAULT_KEEP_BACKUPS, 1, 100),
                p.bool("removeOrphans", true), p.bool("noCache", true), p.bool("pull", false), p.bool("rollback", true));
        VerifySettings verify = ComposeParams.verify(p);
        ComposeDeploySpec spec = new ComposeDeploySpec(target, preflight, deploy, StrategyParams.read(p, target.project(), verify.waitTimeout()), verify,
                ComposeParams.timeouts(p),
                p.bool("dryRun", false), CommonParams.read(p, NAME));
        p.done();
        return spec;
    }

    @Override
    public Report run(ComposeDeploySpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = ctx.newReport(NAME, spec.common().reportName(), spec.target().host() + ":" + spec.target().dir());
        Target connected = Connect.connect(ctx, report, "host", spec.target().host());
        ComposeRun run = new ComposeRun(ctx, report, connected == null ? null : new HostLink(ctx, report, spec.target().host(), connected,
                spec.dryRun()), spec.target(), spec.timeouts(), spec.dryRun());
        if (connected == null) {
            Preflight.planned(spec).forEach(n -> run.skip(n, "not connected"));
            Deployment.planned(spec, spec.verify().services()).forEach(n -> run.skip(n, "not connected"));
            return report.finish(spec.common().onFailure());
        }
        if (spec.dryRun()) {
            report.warn("dry run: preflight ran, every command that would change the host was printed instead of run");
        }
        ComposeProject project = new Preflight(run, spec).run();
        if (project == null) {
            Deployment.planned(spec, spec.verify().services()).forEach(n -> run.skip(n, "preflight failed: nothing was changed"));
            return report.finish(spec.common().onFailure());
        }
        report.fact("compose command", project.flavor().label());
        report.fact("compose files", String.join(", ", project.files()));
        new Deployment(run, spec, project).run();
        return report.finish(spec.common().onFailure());
    }
}
