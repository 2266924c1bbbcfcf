package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.List;

/**
 * Puts the backup a run made back byte for byte when its change failed, and tests it. It reloads only when the failed
 * file was loaded: after a failed {@code nginx -t} the running nginx still has the old configuration, and a reload
 * would only pick up whatever else changed on the host meanwhile.
 */
final class RouteUndo {
    private static final String NOT_NEEDED = "not needed: nginx never loaded the failed file";

    private final RouteSession s;

    RouteUndo(RouteSession s) {
        this.s = s;
    }

    void restore(Backup backup, boolean reload) throws InterruptedException {
        String site = s.route().site();
        String prefix = RouteChecks.RESTORE_PREFIX;
        Outcome<Backup> connected = s.link().ensureConnected() ? Outcome.of(backup)
                : Outcome.missing(byHand(backup, "the connection is lost and reconnecting failed"));
        if (connected.present()) {
            s.ctx().progress().warn("[" + s.link().name() + "] the change failed: restoring " + site + " from backup " + backup.id());
        }
        Outcome<Backup> restored = Stages.from(connected).then(prefix + site, byHand(backup, "the restore failed"), this::putBack).run(s.checks());
        // Without a reload the test says only whether the restored file is sound: the reload is not needed either way.
        Outcome<Backup> tested = Stages.from(restored)
                .then(prefix + RouteChecks.TEST, reload ? "the restored configuration fails nginx -t too: not reloaded" : NOT_NEEDED,
                        (c, b) -> Checked.of(s.test(c), b))
                .run(s.checks());
        Stages.from(tested.onlyIf(reload, NOT_NEEDED))
                .then(prefix + RouteChecks.RELOAD, "the restored configuration could not be reloaded", (c, b) -> Checked.of(s.reload(c), b))
                .run(s.checks());
        s.report().fact("restored", restored.present() ? site + " from backup " + backup.id() : "NO: " + restored.why());
    }

    private Checked<Backup> putBack(Check.Builder c, Backup backup) throws TargetException, InterruptedException {
        c.expected("byte for byte as in backup " + backup.id());
        List<String> done = s.backups().restore(backup);
        return Checked.of(c.actual(String.join(", ", done)).evidence("restored", String.join("\n", done)).pass("put back from " + backup.folder()),
                backup);
    }

    private String byHand(Backup backup, String why) {
        return why + ": put " + backup.folder() + "/files/1 back as " + s.route().site() + " by hand";
    }
}
