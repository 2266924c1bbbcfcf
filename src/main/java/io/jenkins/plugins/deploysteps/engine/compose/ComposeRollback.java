package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.sync.ReleaseSwitch;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.List;
import java.util.Optional;

/**
 * {@code composeRollback}: puts an earlier composeDeploy's backup back by hand: its files, its images, its
 * containers, verified the way a deploy is. The report names the backup it used.
 */
public final class ComposeRollback extends DeclaredStep<ComposeRollbackSpec> {
    public static final String NAME = "composeRollback";
    static final String LATEST = "latest";
    static final Param<String> BACKUP = Param.string("backup").withDefault(LATEST)
            .doc("`'latest'` or a backup id (`20260101T120000Z`, the `backup` fact of a composeDeploy report)").rule((path, backup) -> {
                if (!backup.equals(LATEST) && !RemoteBackups.isId(backup)) {
                    throw new SpecException(path, "'" + backup + "' is neither 'latest' nor a backup id like 20260101T120000Z");
                }
            });
    static final Param<String> RELEASE = Param.string("release").shownDefault("not switched")
            .doc("with a releases layout (`dir` is `<to>/current` or `<to>`): `'previous'` (the release before the one `current` points to) or a release id (the `release` fact of a syncFiles report); `current` is switched to it first")
            .rule((path, release) -> {
                if (!release.equals(ReleaseSwitch.PREVIOUS) && !ReleaseSwitch.RELEASE_ID.matcher(release).matches()) {
                    throw new SpecException(path, "'" + release + "' is neither 'previous' nor a release id like 20260101-120000-1a2b3c4d");
                }
            });
    private static final ParamSet PARAMS = ComposeParams.declarations(NAME, ParamSet.of(BACKUP, RELEASE));

    public ComposeRollback() {
        super(NAME, "Restore a compose project from a composeDeploy backup (files and images), bring it up and verify it.",
                PARAMS);
    }

    @Override
    public ComposeRollbackSpec bind(Params p) {
        ComposeTarget target = ComposeParams.target(p);
        return p.done(new ComposeRollbackSpec(target, p.get(BACKUP), p.get(RELEASE), ComposeParams.verify(p), ComposeParams.timeouts(p),
                p.get(ComposeParams.DRY_RUN), CommonParams.read(p, NAME)));
    }

    static String backupCheck(ComposeRollbackSpec spec) {
        return "backup " + spec.backup();
    }

    /** The rollback's stages: connect, compose command, lock, the backup, (the release switched back,) the restore. */
    @Override
    public Report run(ComposeRollbackSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, spec.target().host() + ":" + spec.target().dir());
        ComposeRun run = ComposeRun.connect(ctx, report, spec, "dry run: every command that would change the host was printed instead of run");
        Outcome<ComposeFlavor> flavor = Stages.from(run.connection())
                .then(ProjectChecks.COMMAND_CHECK, "no working compose command", (c, link) -> ProjectChecks.command(run, c))
                .run(run);
        try (Locked<ComposeFlavor> locked = Locked.take(run, flavor, spec.verify(), "the directory is locked by another deploy")) {
            Outcome<Restore.From> backup = Stages.from(locked.value())
                    .then(backupCheck(spec), "no backup to restore", (c, f) -> find(run, spec, c, f))
                    .run(run);
            if (spec.release() == null) {
                new Restore(run, spec.verify(), "").run(backup, null);
            } else {
                new ReleaseRollback(run, spec).run(backup);
            }
        }
        return report.finish(spec.common().onFailure());
    }

    private static Checked<Restore.From> find(ComposeRun run, ComposeRollbackSpec spec, Check.Builder c, ComposeFlavor flavor)
            throws TargetException, InterruptedException {
        RemoteBackups backups = new RemoteBackups(run.link, spec.target().backupDir(), spec.timeouts().command(), run.sudo());
        List<Backup> all = backups.list();
        List<String> ids = all.stream().map(Backup::id).toList();
        run.report.fact("backups", ids);
        c.expected((spec.backup().equals(LATEST) ? "the newest backup" : spec.backup()) + " in " + spec.target().backupDir());
        Optional<Backup> b = spec.backup().equals(LATEST) ? all.stream().reduce((a, x) -> x)
                : all.stream().filter(x -> x.id().equals(spec.backup())).findFirst();
        if (b.isEmpty()) {
            return Checked.without(c.actual(ids.isEmpty() ? "no backups" : String.join(", ", ids)).fail(ids.isEmpty()
                    ? "no backups in " + spec.target().backupDir() + " on " + run.link.name()
                    : "no backup " + spec.backup() + " in " + spec.target().backupDir() + "; there are " + String.join(", ", ids)));
        }
        run.report.fact("backup", b.get().id());
        return Checked.of(c.actual(b.get().id() + " (" + String.join(", ", b.get().paths()) + ")").pass(), new Restore.From(b.get(), flavor));
    }
}
