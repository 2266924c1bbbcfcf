package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import java.util.List;

/**
 * Puts the backup a run made back byte for byte when its change failed, and tests it. It reloads only when the failed
 * file was loaded: after a failed {@code nginx -t} the running nginx still has the old configuration, and a reload
 * would only pick up whatever else changed on the host meanwhile.
 */
final class RouteUndo {
    private final RouteSession s;
    private final RouteSession.Commands commands;

    RouteUndo(RouteSession s, RouteSession.Commands commands) {
        this.s = s;
        this.commands = commands;
    }

    void restore(Backup backup, boolean reload) throws InterruptedException {
        String site = s.route.site();
        String prefix = RouteChecks.RESTORE_PREFIX;
        if (!s.link.ensureConnected()) {
            String why = "the connection is lost and reconnecting failed: put " + backup.folder() + "/files/1 back as " + site + " by hand";
            List.of(prefix + site, prefix + RouteChecks.TEST, prefix + RouteChecks.RELOAD).forEach(n -> s.checks.skip(n, why));
            s.report.fact("restored", "NO: " + why);
            return;
        }
        s.ctx.progress().warn("[" + s.link.name() + "] the change failed: restoring " + site + " from backup " + backup.id());
        Check restored = s.checks.run(prefix + site, c -> {
            c.expected("byte for byte as in backup " + backup.id());
            List<String> done = s.backups().restore(backup);
            return c.actual(String.join(", ", done)).evidence("restored", String.join("\n", done)).pass("put back from " + backup.folder());
        });
        if (!RouteSession.passed(restored)) {
            String why = "the restore failed: put " + backup.folder() + "/files/1 back as " + site + " by hand";
            s.checks.skip(prefix + RouteChecks.TEST, why);
            s.checks.skip(prefix + RouteChecks.RELOAD, why);
            s.report.fact("restored", "NO: " + why);
            return;
        }
        boolean tested = RouteSession.passed(s.command(prefix + RouteChecks.TEST, commands.test(), false));
        if (!reload) {
            s.checks.skip(prefix + RouteChecks.RELOAD, "not needed: nginx never loaded the failed file");
        } else if (tested) {
            s.command(prefix + RouteChecks.RELOAD, commands.reload(), true);
        } else {
            s.checks.skip(prefix + RouteChecks.RELOAD, "the restored configuration fails nginx -t too: not reloaded");
        }
        s.report.fact("restored", site + " from backup " + backup.id());
    }
}
