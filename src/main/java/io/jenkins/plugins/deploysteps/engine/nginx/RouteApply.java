package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Planned;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a planned change live, stage by stage: back the site file up, write the new content atomically, {@code nginx -t},
 * reload. When the test or the reload fails, {@link RouteUndo} puts the backup back; when the connection drops while
 * writing, it connects again to do so, so a file nginx has not vetted is never left for the next reload to pick up.
 */
final class RouteApply {
    private RouteApply() {}

    /** The change made live: the route as asked, with the backup that undoes it; or, with nothing to change, the plan as it was. */
    static Outcome<Planned> run(CheckRunner checks, RouteTarget route, Outcome<Planned> planned) throws InterruptedException {
        boolean unchanged = planned.present() && !planned.value().change().changes();
        Outcome<Planned> live = Stages.from(planned.onlyIf(!unchanged, "nothing to change"))
                .then(RouteChecks.BACKUP, "no backup: nothing was changed", RouteApply::backUp)
                .then(RouteChecks.writeCheck(route), RouteApply::undoAfterWrite, RouteApply::write)
                .then(RouteChecks.TEST, RouteApply::undoAfterTest, (c, p) -> Checked.of(p.s().test(c), p))
                .then(RouteChecks.RELOAD, RouteApply::undoAfterReload, (c, p) -> Checked.of(p.s().reload(c), p))
                .run(checks);
        return unchanged ? planned : live;
    }

    private static Checked<Planned> backUp(Check.Builder c, Planned p) throws TargetException, InterruptedException {
        RouteSession s = p.s();
        RemoteBackups backups = s.backups();
        c.expected(s.route().site() + " copied to " + s.spec().settings().backupDir());
        var created = backups.create(List.of(s.route().site()), Map.of("change", p.change().kind().name().toLowerCase(Locale.ROOT) + " "
                + s.route().describe()));
        if (created.isEmpty()) {
            return Checked.without(c.skip("dry run: printed, not run"));
        }
        Backup made = created.get();
        RemoteBackups.Pruning pruning = backups.prune(s.spec().settings().keepBackups());
        s.report().fact("backup", made.id());
        s.report().fact("backupFolder", made.folder());
        return Checked.of(c.actual(made.id() + " in " + made.folder() + (pruning.deleted().isEmpty() ? "" : "; pruned "
                + String.join(", ", pruning.deleted().stream().map(Backup::id).toList()))).pass(), p.backedUp(made));
    }

    private static Checked<Planned> write(Check.Builder c, Planned p) throws TargetException, InterruptedException {
        RouteSession s = p.s();
        byte[] after = p.after();
        // The atomic writer's temporary file is '.<name>.deploy-steps.XXXXXX' beside the file: nginx's include globs
        // ('sites-enabled/*') do not match names that start with a dot, so nginx never reads a half-written copy.
        s.files().write(s.route().site(), after, s.sudo(), "644");
        s.report().fact("siteSha256After", RouteSession.sha256(after));
        return Checked.of(c.expected(after.length + " bytes").actual("replaced atomically, mode and owner kept").pass(), p);
    }

    private static String undoAfterWrite(Planned p) throws InterruptedException {
        if (!p.s().link().lost()) {
            return "the site file could not be written: it is unchanged";
        }
        // The rename may have happened before the connection dropped: put the backup back to be sure.
        new RouteUndo(p.s()).restore(p.backup(), false);
        return "the connection was lost while writing: the site file was restored";
    }

    private static String undoAfterTest(Planned p) throws InterruptedException {
        boolean lost = p.s().link().lost();
        new RouteUndo(p.s()).restore(p.backup(), false);
        // after a drop nginx -t never said anything: blaming the configuration would send the user the wrong way
        return lost ? "the connection was lost during nginx -t: the site file was restored" : "nginx -t failed: the site file was restored";
    }

    private static String undoAfterReload(Planned p) throws InterruptedException {
        new RouteUndo(p.s()).restore(p.backup(), true);
        return "the reload failed: the site file was restored";
    }
}
