package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** composeDeploy's strategy parameters: defaults, the blue-green settings, the downtime probe, and every bad input refused by name. */
class StrategyBindTest {
    private static final Map<String, Object> ROUTE = Map.of("service", "backend", "site", "/etc/nginx/sites-enabled/app", "port", 3000,
            "location", "/api/", "verifyUrl", "http://127.0.0.1/api/health");

    private static ComposeDeploySpec deploy(Object... kv) {
        return ComposeBindTest.deploy(kv);
    }

    private static void refused(String field, String problem, Object... kv) {
        ComposeBindTest.refused(field, problem, kv);
    }

    @Test
    void buildFirstIsTheDefaultAndNothingIsMeasuredUnlessAsked() {
        assertThat(deploy().strategy()).isEqualTo(StrategySettings.DEFAULT);
        assertThat(deploy("strategy", "recreate").strategy().strategy()).isEqualTo(DeployStrategy.RECREATE);
    }

    @Test
    void blueGreenBindsItsRoutesChecksAndNginxSettings() {
        StrategySettings s = deploy("strategy", "blue-green", "routes", List.of(ROUTE), "verify", List.of(Map.of("url", "http://127.0.0.1:3000/health",
                "expectStatus", 200)), "drainTime", "5s", "nginxTestCommand", "sudo nginx -t", "waitTimeout", "30s").strategy();
        BlueGreenSettings bg = s.blueGreen();
        assertThat(bg.routes()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("backend");
            assertThat(r.port()).isEqualTo(3000);
            assertThat(r.location()).isEqualTo("/api/");
            assertThat(r.verify().url()).isEqualTo(URI.create("http://127.0.0.1/api/health"));
        });
        assertThat(bg.checks().checks()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("GET http://127.0.0.1:3000/health"));
        assertThat(bg.checks().polling().waitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bg.drainTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bg.nginxTest()).containsExactly("sudo", "nginx", "-t");
        assertThat(bg.nginxReload()).isNull();
        assertThat(bg.nginxBackupDir()).isEqualTo("~/.deploy-steps/backups/nginx/backend");
    }

    @Test
    void blueGreenBindsAMagicLinkCheckOfTheNewCopyWithMagicLinkAuthChecksOwnDeclarations() {
        ComposeDeploySpec s = deploy("strategy", "blue-green", "routes", List.of(ROUTE), "verifyMagicLink", Map.of("baseUrl", "http://127.0.0.1:3000",
                "mailbox", Map.of("type", "command", "host", "mail-1", "command", "docker logs backend --since 2m"), "mailTimeout", "20s",
                "authenticatedChecks", List.of(Map.of("path", "/api/me", "expectStatus", 200))));
        var m = s.strategy().blueGreen().magicLink();
        assertThat(m.app().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:3000"));
        assertThat(m.mailWait().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.authenticatedChecks()).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("/api/me"));
        assertThat(m.at(URI.create("http://127.0.0.1:41234")).app().resolve("/api/me")).isEqualTo(URI.create("http://127.0.0.1:41234/api/me"));
        assertThat(s.hosts()).as("the mailbox's command runs on a host of its own").containsExactly("prod-1", "mail-1");
        assertThat(deploy("strategy", "blue-green", "routes", List.of(ROUTE)).strategy().blueGreen().magicLink()).isNull();
    }

    @Test
    void badMagicLinkInputIsRefusedByItsFullName() {
        Object[] blueGreen = {"strategy", "blue-green", "routes", List.of(ROUTE)};
        refused("verifyMagicLink", "only applies to strategy 'blue-green'", "verifyMagicLink", Map.of("baseUrl", "http://127.0.0.1:3000"));
        refused("verifyMagicLink.mailbox.type", "'pop3' is not one of 'mailpit', 'mailhog', 'maildev', 'imap', 'command'",
                with(blueGreen, "verifyMagicLink", Map.of("baseUrl", "http://127.0.0.1:3000", "mailbox", Map.of("type", "pop3"))));
        refused("verifyMagicLink.baseUrl", "is required", with(blueGreen, "verifyMagicLink", Map.of("mailbox", Map.of("type", "maildev",
                "url", "http://127.0.0.1:1080"))));
        refused("verifyMagicLink.baseUrl", "must be the service's published port on this host (http://127.0.0.1:<port>): the check is sent to "
                + "the new copy's temporary port instead", with(blueGreen, "verifyMagicLink", Map.of("baseUrl", "https://app.example.com",
                "mailbox", Map.of("type", "maildev", "url", "http://127.0.0.1:1080"))));
        assertThatThrownBy(() -> deploy(with(blueGreen, "verifyMagicLink", Map.of("baseUrl", "http://127.0.0.1:3000", "mailbox", Map.of("type",
                "maildev", "url", "http://127.0.0.1:1080"), "reportName", "login")))).isInstanceOf(SpecException.class)
                .as("the report and the verdict are composeDeploy's").hasMessageStartingWith("verifyMagicLink.reportName: unknown parameter");
    }

    private static Object[] with(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void theDowntimeProbeBinds() {
        DowntimeSettings d = deploy("downtimeProbe", Map.of("url", "http://127.0.0.1/api/health", "interval", "50ms", "maxDowntime", "2s",
                "severity", "warning")).strategy().downtime();
        assertThat(d.url()).isEqualTo(URI.create("http://127.0.0.1/api/health"));
        assertThat(d.interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.maxDowntime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.expect().accepts(302)).isTrue();
        assertThat(d.expect().accepts(502)).isFalse();
        assertThat(d.from()).as("by default").isEqualTo(DowntimeSettings.From.HOST);
        assertThat(deploy("downtimeProbe", Map.of("url", "http://127.0.0.1/", "from", "agent")).strategy().downtime().from())
                .isEqualTo(DowntimeSettings.From.AGENT);
    }

    @Test
    void badInputIsRefusedByName() {
        refused("strategy", "'rolling' is not one of 'build-first', 'recreate', 'blue-green'", "strategy", "rolling");
        refused("routes", "is required for strategy 'blue-green': the services nginx proxies to", "strategy", "blue-green");
        refused("routes", "only applies to strategy 'blue-green'", "routes", List.of(ROUTE));
        refused("drainTime", "only applies to strategy 'blue-green'", "strategy", "recreate", "drainTime", "1s");
        refused("routes[0].site", "is required", "strategy", "blue-green", "routes", List.of(Map.of("service", "backend")));
        refused("routes[0].service", "'bad name' is not a service name", "strategy", "blue-green", "routes",
                List.of(Map.of("service", "bad name", "site", "/etc/nginx/x")));
        refused("routes[0].location", "'api' must start with '/'", "strategy", "blue-green", "routes",
                List.of(Map.of("service", "b", "site", "/etc/nginx/x", "location", "api")));
        refused("verify[0].host", "verify checks run from here, against the new copy's temporary port", "strategy", "blue-green", "routes",
                List.of(ROUTE), "verify", List.of(Map.of("url", "http://127.0.0.1:3000/", "host", "prod-1")));
        refused("downtimeProbe.url", "'ftp://x/' is not an http:// or https:// URL with a host (and no password)", "downtimeProbe",
                Map.of("url", "ftp://x/"));
        refused("downtimeProbe.from", "'jenkins' is not one of 'host', 'agent'", "downtimeProbe", Map.of("url", "http://127.0.0.1/", "from", "jenkins"));
        refused("downtimeProbe.interval", "must be at least 10ms", "downtimeProbe", Map.of("url", "http://127.0.0.1/", "interval", "1ms"));
        assertThatThrownBy(() -> deploy("downtimeProbe", Map.of("url", "http://127.0.0.1/", "every", "1s"))).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("downtimeProbe.every");
    }
}
