package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploySpec;
import io.jenkins.plugins.deploysteps.engine.compose.DeployStrategy;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.magiclink.MailboxSpec;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
    void theMagicLinkCheckOfTheNewCopyReachesTheEngineSpecWithMagicLinkAuthChecksFields() {
        ComposeDeployStep step = new ComposeDeployStep("prod-1", "/app/backend");
        step.setStrategy("blue-green");
        step.setRoutes(List.of(new BlueGreenRoute("backend", "/etc/nginx/sites-enabled/app")));
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("command");
        mailbox.setHost("mail-1");
        mailbox.setCommand("docker logs backend --since 2m");
        AuthenticatedCheck me = new AuthenticatedCheck();
        me.setPath("/api/me");
        me.setExpectStatus("200");
        CopyMagicLinkCheck login = new CopyMagicLinkCheck(" http://127.0.0.1:3000 ");
        login.setMailbox(mailbox);
        login.setAuthenticatedChecks(List.of(me));
        login.setMailTimeout("20s");
        login.setExpectSendStatus("202");
        login.setRejectReusedToken(false);
        login.setTimeout("5s");
        step.setVerifyMagicLink(login);

        ComposeDeploySpec s = new ComposeDeploy().bind(Params.of(step.toParams()));

        MagicLinkSpec m = s.strategy().blueGreen().magicLink();
        assertThat(m.app().baseUrl()).hasToString("http://127.0.0.1:3000");
        assertThat(m.app().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.mailbox()).isInstanceOfSatisfying(MailboxSpec.Command.class, c -> assertThat(c.host()).isEqualTo("mail-1"));
        assertThat(m.authenticatedChecks()).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("/api/me"));
        assertThat(m.mailWait().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.send().expectStatus().accepts(202)).isTrue();
        assertThat(m.negatives().reusedToken()).isFalse();
        assertThat(s.hosts()).containsExactly("prod-1", "mail-1");
        assertThat(StepParams.of(new CopyMagicLinkCheck("http://127.0.0.1:3000"), MagicLinkAuthCheck.FLOW_PARAMS))
                .as("unset fields leave the engine's defaults").isEqualTo(Map.of("baseUrl", "http://127.0.0.1:3000"));
    }

    @Test
    void aJenkinsfilesMagicLinkMapRefusesTheReportSettingsByName() {
        Map<String, Object> groovy = new LinkedHashMap<>();
        groovy.put("baseUrl", "http://127.0.0.1:3000");
        groovy.put("expectSendStatus", 202);
        groovy.put("headers", Map.of("X-Api-Key", 7));
        assertThat(CopyMagicLinkCheck.fromPipeline(groovy)).containsEntry("expectSendStatus", "202").containsEntry("headers", Map.of("X-Api-Key", "7"));
        groovy.put("reportName", "login");
        assertThatThrownBy(() -> CopyMagicLinkCheck.fromPipeline(groovy)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("reportName: unknown parameter");
    }

    @Test
    void theMagicLinkChecksFieldsAreMagicLinkAuthChecksWithTheirFormAndHelp() throws Exception {
        assertThat(MagicLinkAuthCheckStepTest.fields(CopyMagicLinkCheck.class)).isEqualTo(new TreeSet<>(MagicLinkAuthCheck.FLOW_PARAMS.names()));
        Path dir = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps/CopyMagicLinkCheck");
        String form = MagicLinkAuthCheckStepTest.form(dir);
        assertThat(dir.resolve("help.html")).exists();
        for (String field : MagicLinkAuthCheck.FLOW_PARAMS.names()) {
            assertThat(form).as(field).contains("field=\"" + field + "\"");
            Path own = dir.resolve("help-" + field + ".html");
            Path step = dir.resolveSibling("MagicLinkAuthCheckStep").resolve("help-" + field + ".html");
            assertThat(Files.exists(own) ? own : step).as(field + ": its own help, or the step's it is redirected to").exists();
            assertThat(Files.exists(own)).as(field + " has its own help exactly when it is not redirected")
                    .isNotEqualTo(CopyMagicLinkCheck.DescriptorImpl.STEP_HELP.contains(field));
        }
        assertThat(form).as("the report settings are composeDeploy's").doesNotContain("field=\"reportName\"", "field=\"onFailure\"",
                "field=\"archive\"", "field=\"verbose\"");
    }

    @Test
    void theNestedFormsHaveTheirHelp() {
        for (Class<?> type : List.of(BlueGreenRoute.class, DowntimeProbe.class, CopyMagicLinkCheck.class)) {
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
