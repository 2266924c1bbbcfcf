package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A blue-green deploy's routes and the checks the new copy must pass before users reach it.
 *
 * @param checks null: the new copy only has to be up (running, healthy, stable)
 * @param magicLink null: no magic-link login is checked on the new copy (else after {@code checks})
 * @param drainTime how long the old containers keep answering requests already sent to them after nginx moved on
 * @param nginxTest the words of nginx's test command; null: the host's nginxTestCommand, else {@code nginx -t}
 * @param nginxReload likewise for the reload
 * @param nginxBackupDir where the site files are backed up before each switch
 */
public record BlueGreenSettings(List<RoutedService> routes, HealthVerifySpec checks, MagicLinkSpec magicLink, Duration drainTime, List<String> nginxTest,
        List<String> nginxReload, String nginxBackupDir) implements Serializable {
    public BlueGreenSettings {
        routes = List.copyOf(routes);
        nginxTest = nginxTest == null ? null : List.copyOf(nginxTest);
        nginxReload = nginxReload == null ? null : List.copyOf(nginxReload);
    }

    List<String> services() {
        return routes.stream().map(RoutedService::service).distinct().toList();
    }
}
