package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.sync.ReleaseSwitch;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.util.ArrayList;
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

    @Override
    public Report run(ComposeRollbackSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, spec.target().host() + ":" + spec.target().dir());
        Target connected = Connect.connect(ctx, report, "host", spec.target().host());
        ComposeRun run = new ComposeRun(ctx, report, connected == null ? null : new HostLink(ctx, report, spec.target().host(), connected,
                spec.dryRun()), spec.target(), spec.timeouts(), spec.dryRun());
        List<String> planned = new ArrayList<>(List.of(ProjectChecks.COMMAND_CHECK, ComposeRun.lockCheck(spec.target()), backupCheck(spec)));
        if (spec.release() != null) {
            planned.addAll(ReleaseRollback.planned(spec));
        }
        planned.addAll(Restore.planned(""));
        if (connected == null) {
            planned.forEach(n -> run.skip(n, "not connected"));
            return report.finish(spec.common().onFailure());
        }
        if (spec.dryRun()) {
            report.warn("dry run: every command that would change the host was printed instead of run");
        }
        ComposeFlavor flavor = ProjectChecks.command(run);
        if (flavor == null) {
            planned.stream().skip(1).forEach(n -> run.skip(n, "no working compose command"));
            return report.finish(spec.common().onFailure());
        }
        RemoteLock.Held held = run.lock(spec.verify());
        if (held == null) {
            planned.stream().skip(2).forEach(n -> run.skip(n, "the directory is locked by another deploy"));
            return report.finish(spec.common().onFailure());
        }
        try {
            Backup backup = find(run, spec);
            if (backup == null) {
                planned.stream().skip(3).forEach(n -> run.skip(n, "no backup to restore"));
            } else if (spec.release() == null) {
                new Restore(run, spec.verify(), "").run(backup, flavor);
            } else {
                new ReleaseRollback(run, spec).run(backup, flavor, planned.subList(3, planned.size()));
            }
        } finally {
            held.close();
        }
        return report.finish(spec.common().onFailure());
    }

    private static Backup find(ComposeRun run, ComposeRollbackSpec spec) throws InterruptedException {
        Backup[] found = new Backup[1];
        run.check(backupCheck(spec), c -> {
            RemoteBackups backups = new RemoteBackups(run.link, spec.target().backupDir(), spec.timeouts().command(), run.sudo());
            List<Backup> all = backups.list();
            List<String> ids = all.stream().map(Backup::id).toList();
            run.report.fact("backups", ids);
            c.expected(spec.backup().equals(LATEST) ? "the newest backup in " + spec.target().backupDir() : spec.backup() + " in " + spec.target().backupDir());
            Optional<Backup> b = spec.backup().equals(LATEST) ? all.stream().reduce((a, x) -> x)
                    : all.stream().filter(x -> x.id().equals(spec.backup())).findFirst();
            if (b.isEmpty()) {
                return c.actual(ids.isEmpty() ? "no backups" : String.join(", ", ids)).fail(ids.isEmpty()
                        ? "no backups in " + spec.target().backupDir() + " on " + run.link.name()
                        : "no backup " + spec.backup() + " in " + spec.target().backupDir() + "; there are " + String.join(", ", ids));
            }
            found[0] = b.get();
            run.report.fact("backup", b.get().id());
            return c.actual(b.get().id() + " (" + String.join(", ", b.get().paths()) + ")").pass();
        });
        return found[0];
    }
}
