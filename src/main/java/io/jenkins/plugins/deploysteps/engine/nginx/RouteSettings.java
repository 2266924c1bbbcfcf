package io.jenkins.plugins.deploysteps.engine.nginx;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the change is made safe.
 *
 * @param testCommand the words of the test command; null: the host's {@code nginxTestCommand}, else {@code nginx -t}
 * @param reloadCommand likewise, from {@code nginxReloadCommand}, else {@code nginx -s reload}
 * @param backupDir where this site's backups live on the host (absolute, never inside the site's directory)
 * @param timeout each remote command
 * @param lockWait how long to wait for another run on the same site file
 */
public record RouteSettings(List<String> testCommand, List<String> reloadCommand, String backupDir, int keepBackups, Duration timeout,
        Duration lockWait, boolean dryRun) implements Serializable {
    public RouteSettings {
        testCommand = testCommand == null ? null : List.copyOf(testCommand);
        reloadCommand = reloadCommand == null ? null : List.copyOf(reloadCommand);
    }

    /** Long enough for every command of a run and its restore; a run that lost its connection frees the lock after it. */
    public Duration lease(RouteVerify verify) {
        return timeout.multipliedBy(16).plus(verify == null ? Duration.ZERO : verify.timeout());
    }
}
