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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A blue-green deploy of one routed service whose new copy must pass {@code login}. */
    private static ComposeDeployStep blueGreen(MagicLinkAuthCheckStep login) {
        ComposeDeployStep step = new ComposeDeployStep("prod-1", "/app/backend");
        step.setStrategy("blue-green");
        step.setRoutes(List.of(new BlueGreenRoute("backend", "/etc/nginx/sites-enabled/app")));
        step.setVerifyMagicLink(login);
        return step;
    }

    @Test
    void theMagicLinkCheckOfTheNewCopyReachesTheEngineSpecWithMagicLinkAuthChecksFields() {
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("command");
        mailbox.setHost("mail-1");
        mailbox.setCommand("docker logs backend --since 2m");
        AuthenticatedCheck me = new AuthenticatedCheck();
        me.setPath("/api/me");
        me.setExpectStatus("200");
        MagicLinkAuthCheckStep login = new MagicLinkAuthCheckStep(" http://127.0.0.1:3000 ");
        login.setMailbox(mailbox);
        login.setAuthenticatedChecks(List.of(me));
        login.setMailTimeout("20s");
        login.setExpectSendStatus("202");
        login.setRejectReusedToken(false);
        login.setTimeout("5s");

        ComposeDeploySpec s = new ComposeDeploy().bind(Params.of(blueGreen(login).toParams()));

        MagicLinkSpec m = s.strategy().blueGreen().magicLink();
        assertThat(m.app().baseUrl()).hasToString("http://127.0.0.1:3000");
        assertThat(m.app().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.mailbox()).isInstanceOfSatisfying(MailboxSpec.Command.class, c -> assertThat(c.host()).isEqualTo("mail-1"));
        assertThat(m.authenticatedChecks()).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("/api/me"));
        assertThat(m.mailWait().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.send().expectStatus().accepts(202)).isTrue();
        assertThat(m.negatives().reusedToken()).isFalse();
        assertThat(s.hosts()).containsExactly("prod-1", "mail-1");
        assertThat(StepParams.of(new MagicLinkAuthCheckStep("http://127.0.0.1:3000"), MagicLinkAuthCheck.FLOW_PARAMS))
                .as("unset fields leave the engine's defaults").isEqualTo(Map.of("baseUrl", "http://127.0.0.1:3000"));
    }

    @Test
    void theStepsReportSettingsOfTheNewCopysLoginAreNotRead() {
        MagicLinkAuthCheckStep login = new MagicLinkAuthCheckStep("http://127.0.0.1:3000");
        login.setReportName("login");
        login.setOnFailure("UNSTABLE");
        login.setArchive(false);
        login.setVerbose(true);
        assertThat(blueGreen(login).toParams().get("verifyMagicLink")).isEqualTo(Map.of("baseUrl", "http://127.0.0.1:3000"));
    }

    @Test
    void theNewCopysLoginIsHeldToThePublishedPortWhenTheStepBinds() {
        MagicLinkMailbox mailbox = new MagicLinkMailbox();
        mailbox.setType("maildev");
        mailbox.setUrl("http://127.0.0.1:1080");
        MagicLinkAuthCheckStep login = new MagicLinkAuthCheckStep("https://app.example.com");
        login.setMailbox(mailbox);
        Map<String, Object> params = blueGreen(login).toParams();
        assertThatThrownBy(() -> new ComposeDeploy().bind(Params.of(params))).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("verifyMagicLink.baseUrl: ").hasMessageContaining("must be the service's published port on this host");
    }

    @Test
    void aJenkinsfilesMagicLinkMapRefusesTheReportSettingsByName() {
        Map<String, Object> groovy = new LinkedHashMap<>();
        groovy.put("baseUrl", "http://127.0.0.1:3000");
        groovy.put("expectSendStatus", 202);
        groovy.put("headers", Map.of("X-Api-Key", 7));
        Map<String, Object> arguments = new LinkedHashMap<>(Map.of("host", "prod-1", "dir", "/app", "strategy", "blue-green"));
        arguments.put("verifyMagicLink", groovy);
        assertThat(ComposeDeployStep.fromPipeline(arguments)).as("the login's keys pass on to its class as they are").isEqualTo(arguments);
        for (String report : List.of("reportName", "onFailure", "archive", "verbose")) {
            Map<String, Object> more = new LinkedHashMap<>(groovy);
            more.put(report, "x");
            arguments.put("verifyMagicLink", more);
            assertThatThrownBy(() -> ComposeDeployStep.fromPipeline(arguments)).as(report).isInstanceOf(SpecException.class)
                    .hasMessageStartingWith("verifyMagicLink." + report + ": unknown parameter");
        }
    }

    @Test
    void theNewCopysLoginFormIsMagicLinkAuthChecksLoginWithItsDescriptor() throws Exception {
        Path steps = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps");
        String config = Files.readString(steps.resolve("ComposeDeployStep/config.jelly"));
        Matcher block = Pattern.compile("<f:optionalBlock field=\"verifyMagicLink\"[^>]*>(.*?)</f:optionalBlock>", Pattern.DOTALL).matcher(config);
        assertThat(block.find()).as("verifyMagicLink's optional block").isTrue();
        String body = block.group(1);
        assertThat(body).as("the login's descriptor and value, as f:optionalProperty sets them").contains(
                "<j:set var=\"descriptor\" value=\"${app.getDescriptorOrDie(descriptor.getPropertyTypeOrDie(instance,'verifyMagicLink').clazz)}\"/>",
                "<j:set var=\"instance\" value=\"${instance.verifyMagicLink}\"/>");
        assertThat(body.indexOf("var=\"descriptor\"")).as("the descriptor is the property's before instance is its value")
                .isLessThan(body.indexOf("var=\"instance\""));
        Matcher include = Pattern.compile("<st:include page=\"([^\"]+)\" class=\"\\$\\{descriptor.clazz}\"/>").matcher(body);
        List<String> pages = new ArrayList<>();
        while (include.find()) {
            pages.add(include.group(1));
        }
        assertThat(pages).containsExactly("login.jelly", "login-advanced.jelly");
        Path dir = steps.resolve("MagicLinkAuthCheckStep");
        String form = body + Files.readString(dir.resolve("login.jelly")) + Files.readString(dir.resolve("login-advanced.jelly"));
        for (String field : MagicLinkAuthCheck.FLOW_PARAMS.names()) {
            assertThat(form).as(field).contains("field=\"" + field + "\"");
            assertThat(dir.resolve("help-" + field + ".html")).as(field + ": magicLinkAuthCheck's help").exists();
        }
        assertThat(form).as("the report settings are composeDeploy's").doesNotContain("field=\"reportName\"", "field=\"onFailure\"",
                "field=\"archive\"", "field=\"verbose\"");
        assertThat(steps.resolve("ComposeDeployStep/help-verifyMagicLink.html")).exists();
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
