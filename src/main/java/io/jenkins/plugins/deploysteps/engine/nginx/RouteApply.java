package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a planned change live, stage by stage: back the site file up, write the new content atomically, {@code nginx -t},
 * reload, probe. When the test, the reload or the probe fails, {@link RouteUndo} puts the backup back; when the
 * connection drops while writing, it connects again to do so, so a file nginx has not vetted is never left for the next
 * reload to pick up.
 */
final class RouteApply {
    private final RouteSession s;
    private final RouteSession.Commands commands;
    private final RouteUndo undo;

    RouteApply(RouteSession s, RouteSession.Commands commands) {
        this.s = s;
        this.commands = commands;
        this.undo = new RouteUndo(s, commands);
    }

    void run(SiteChange change, byte[] after) throws InterruptedException {
        Backup backup = backUp(change);
        if (backup == null) {
            s.skipFrom(RouteChecks.writeCheck(s.route), "no backup: nothing was changed");
            return;
        }
        if (!write(backup, after) || !test(backup) || !reload(backup)) {
            return;
        }
        Check probed = s.probe();
        if (probed != null && !RouteSession.passed(probed)) {
            undo.restore(backup, true);
        }
    }

    private Backup backUp(SiteChange change) throws InterruptedException {
        RemoteBackups backups = s.backups();
        Backup[] made = new Backup[1];
        s.checks.run(RouteChecks.BACKUP, c -> {
            c.expected(s.route.site() + " copied to " + s.spec.settings().backupDir());
            var created = backups.create(List.of(s.route.site()), Map.of("change", change.kind().name().toLowerCase(Locale.ROOT) + " "
                    + s.route.describe()));
            if (created.isEmpty()) {
                return c.skip("dry run: printed, not run");
            }
            made[0] = created.get();
            RemoteBackups.Pruning pruning = backups.prune(s.spec.settings().keepBackups());
            s.report.fact("backup", made[0].id());
            s.report.fact("backupFolder", made[0].folder());
            return c.actual(made[0].id() + " in " + made[0].folder() + (pruning.deleted().isEmpty() ? "" : "; pruned "
                    + String.join(", ", pruning.deleted().stream().map(Backup::id).toList()))).pass();
        });
        return made[0];
    }

    private boolean write(Backup backup, byte[] after) throws InterruptedException {
        Check written = s.checks.run(RouteChecks.writeCheck(s.route), c -> {
            // The atomic writer's temporary file is '.<name>.deploy-steps.XXXXXX' beside the file: nginx's include globs
            // ('sites-enabled/*') do not match names that start with a dot, so nginx never reads a half-written copy.
            s.files().write(s.route.site(), after, s.sudo, "644");
            s.report.fact("siteSha256After", RouteSession.sha256(after));
            return c.expected(after.length + " bytes").actual("replaced atomically, mode and owner kept").pass();
        });
        if (RouteSession.passed(written)) {
            return true;
        }
        if (s.link.lost()) {
            // The rename may have happened before the connection dropped: put the backup back to be sure.
            undo.restore(backup, false);
            s.skipFrom(RouteChecks.TEST, "the connection was lost while writing: the site file was restored");
        } else {
            s.skipFrom(RouteChecks.TEST, "the site file could not be written: it is unchanged");
        }
        return false;
    }

    private boolean test(Backup backup) throws InterruptedException {
        if (RouteSession.passed(s.command(RouteChecks.TEST, commands.test(), false))) {
            return true;
        }
        boolean lost = s.link.lost();
        undo.restore(backup, false);
        // after a drop nginx -t never said anything: blaming the configuration would send the user the wrong way
        s.skipFrom(RouteChecks.RELOAD, lost ? "the connection was lost during nginx -t: the site file was restored"
                : "nginx -t failed: the site file was restored");
        return false;
    }

    private boolean reload(Backup backup) throws InterruptedException {
        if (RouteSession.passed(s.command(RouteChecks.RELOAD, commands.reload(), true))) {
            return true;
        }
        undo.restore(backup, true);
        if (s.spec.verify() != null) {
            s.checks.skip(RouteChecks.probeCheck(s.spec.verify()), "the reload failed: the site file was restored");
        }
        return false;
    }
}
