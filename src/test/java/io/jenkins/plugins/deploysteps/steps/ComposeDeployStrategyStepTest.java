package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploySpec;
import io.jenkins.plugins.deploysteps.engine.compose.DeployStrategy;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** composeDeploy's strategy fields, as the Snippet Generator fills them, reach the engine under the CLI's names. */
class ComposeDeployStrategyStepTest {
    @Test
    void blueGreenRoutesChecksAndTheDowntimeProbeReachTheEngineSpec() {
        ComposeDeployStep step = new ComposeDeployStep("prod-1", "/app/backend");
        step.setStrategy("blue-green");
        BlueGreenRoute route = new BlueGreenRoute("backend", "/etc/nginx/sites-enabled/app");
        route.setPort(3000);
        route.setLocation("/api/");
        route.setVerifyUrl("http://127.0.0.1/api/health");
        route.setExpectStatus("200");
        route.setVerifyTimeout("5s");
        step.setRoutes(List.of(route));
        HealthCheck check = new HealthCheck();
        check.setUrl("http://127.0.0.1:3000/health");
        check.setExpectStatus("200");
        step.setVerify(List.of(check));
        step.setDrainTime("3s");
        step.setNginxTestCommand("sudo nginx -t");
        step.setNginxReloadCommand("sudo systemctl reload nginx");
        step.setNginxBackupDir("/var/backups/nginx-app");
        DowntimeProbe probe = new DowntimeProbe("http://127.0.0.1/api/health");
        probe.setInterval("50ms");
        probe.setTimeout("1s");
        probe.setExpectStatus("200");
        probe.setMaxDowntime("2s");
        probe.setSeverity("warning");
        probe.setFrom("agent");
        step.setDowntimeProbe(probe);

        ComposeDeploySpec s = new ComposeDeploy().bind(Params.of(step.toParams()));

        assertThat(s.strategy().strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
        var bg = s.strategy().blueGreen();
        assertThat(bg.routes()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("backend");
            assertThat(r.site()).isEqualTo("/etc/nginx/sites-enabled/app");
            assertThat(r.port()).isEqualTo(3000);
            assertThat(r.location()).isEqualTo("/api/");
            assertThat(r.verify().timeout()).isEqualTo(Duration.ofSeconds(5));
        });
        assertThat(bg.checks().checks()).hasSize(1);
        assertThat(bg.drainTime()).isEqualTo(Duration.ofSeconds(3));
        assertThat(bg.nginxTest()).containsExactly("sudo", "nginx", "-t");
        assertThat(bg.nginxReload()).containsExactly("sudo", "systemctl", "reload", "nginx");
        assertThat(bg.nginxBackupDir()).isEqualTo("/var/backups/nginx-app");
        var d = s.strategy().downtime();
        assertThat(d.interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxDowntime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.from()).isEqualTo(io.jenkins.plugins.deploysteps.engine.compose.DowntimeSettings.From.AGENT);
    }

    @Test
    void theNestedFormsHaveTheirHelp() {
        for (Class<?> type : List.of(BlueGreenRoute.class, DowntimeProbe.class)) {
            assertThat(type.getResource(type.getSimpleName() + "/config.jelly")).as(type + " config.jelly").isNotNull();
            assertThat(type.getResource(type.getSimpleName() + "/help.html")).as(type + " help.html").isNotNull();
        }
        for (String field : List.of("service", "site", "port", "location", "verifyUrl", "expectStatus", "verifyTimeout")) {
            assertThat(BlueGreenRoute.class.getResource("BlueGreenRoute/help-" + field + ".html")).as(field).isNotNull();
        }
        for (String field : List.of("url", "interval", "timeout", "expectStatus", "maxDowntime", "severity")) {
            assertThat(DowntimeProbe.class.getResource("DowntimeProbe/help-" + field + ".html")).as(field).isNotNull();
        }
    }
}
