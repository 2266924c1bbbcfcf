package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteSpec;
import io.jenkins.plugins.deploysteps.engine.nginx.ProxyHeader;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The nginxRoute Pipeline step binds to the engine under the CLI's names, every parameter, and every field has help. */
class NginxRouteStepTest {

    @Test
    void everyParameterReachesTheEngineSpec() {
        NginxRouteStep step = new NginxRouteStep(" prod-1 ", "/etc/nginx/sites-enabled/app", "/api/new-feature/");
        step.setState("present");
        step.setServerName("app.example.com");
        step.setProxyPass("http://localhost:3000/");
        step.setHeaders(Map.of("X-Forwarded-Proto", "https"));
        step.setWebsocket(true);
        step.setProxyReadTimeout("120s");
        step.setClientMaxBodySize("10MB");
        step.setVerifyUrl("https://app.example.com/api/new-feature/health");
        step.setExpectStatus("200, 204");
        step.setVerifyTimeout("20s");
        step.setTestCommand("sudo nginx -t");
        step.setReloadCommand("sudo systemctl reload nginx");
        step.setBackupDir("/var/backups/nginx-app");
        step.setKeepBackups(3);
        step.setLockTimeout("1m");
        step.setTimeout("20s");
        step.setDryRun(true);
        step.setReportName("route");
        step.setOnFailure("UNSTABLE");
        step.setArchive(false);

        NginxRouteSpec s = new NginxRoute().bind(Params.of(step.toParams()));
        assertThat(s.target().host()).isEqualTo("prod-1");
        assertThat(s.target().site()).isEqualTo("/etc/nginx/sites-enabled/app");
        assertThat(s.target().location()).isEqualTo("/api/new-feature/");
        assertThat(s.target().present()).isTrue();
        assertThat(s.target().serverName()).isEqualTo("app.example.com");
        assertThat(s.route().proxyPass()).isEqualTo("http://localhost:3000/");
        assertThat(s.route().headers()).contains(new ProxyHeader("X-Forwarded-Proto", "https"));
        assertThat(s.route().websocket()).isTrue();
        assertThat(s.route().proxyReadTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.route().clientMaxBodySize().bytes()).isEqualTo(10L << 20);
        assertThat(s.verify().url()).isEqualTo(URI.create("https://app.example.com/api/new-feature/health"));
        assertThat(s.verify().expect().toString()).isEqualTo("200, 204");
        assertThat(s.verify().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.settings().testCommand()).containsExactly("sudo", "nginx", "-t");
        assertThat(s.settings().reloadCommand()).containsExactly("sudo", "systemctl", "reload", "nginx");
        assertThat(s.settings().backupDir()).isEqualTo("/var/backups/nginx-app");
        assertThat(s.settings().keepBackups()).isEqualTo(3);
        assertThat(s.settings().lockWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.settings().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.settings().dryRun()).isTrue();
        assertThat(s.common().reportName()).isEqualTo("route");
        assertThat(s.common().onFailure()).isEqualTo(FailurePolicy.UNSTABLE);
        assertThat(s.common().archive()).isFalse();
    }

    @Test
    void aRemovalNeedsOnlyItsLocationAndDefaultsStayTheEngines() {
        NginxRouteStep step = new NginxRouteStep("prod-1", "/etc/nginx/sites-enabled/app", "/api/old/");
        step.setState("absent");
        assertThat(step.toParams()).isEqualTo(Map.of("host", "prod-1", "site", "/etc/nginx/sites-enabled/app", "location", "/api/old/",
                "state", "absent", "dryRun", false, "archive", true));
        NginxRouteSpec s = new NginxRoute().bind(Params.of(step.toParams()));
        assertThat(s.route()).isNull();
        assertThat(s.target().present()).isFalse();
    }

    @Test
    void aRestoreNeedsItsBackupIdAndNoRouteSettings() {
        NginxRouteStep step = new NginxRouteStep("prod-1", "/etc/nginx/sites-enabled/app", "/api/");
        step.setState("restored");
        step.setBackup(" 20260101T120000Z ");
        assertThat(step.toParams()).isEqualTo(Map.of("host", "prod-1", "site", "/etc/nginx/sites-enabled/app", "location", "/api/",
                "state", "restored", "backup", "20260101T120000Z", "dryRun", false, "archive", true));
        NginxRouteSpec s = new NginxRoute().bind(Params.of(step.toParams()));
        assertThat(s.restoreFrom()).isEqualTo("20260101T120000Z");
        assertThat(s.route()).isNull();
    }

    @Test
    void aJenkinsfileStatusNumberOrListBecomesText() {
        assertThat(StepForms.statusAsText(Map.of("expectStatus", 200))).containsEntry("expectStatus", "200");
        assertThat(StepForms.statusAsText(Map.of("expectStatus", List.of(200, 204)))).containsEntry("expectStatus", "200, 204");
        NginxRouteStep step = new NginxRouteStep("h", "/s", "/a/");
        step.setHeaders(new java.util.HashMap<>(Map.of("X-Port", "8443", "X-Drop", "")));
        assertThat(step.getHeaders()).containsEntry("X-Port", "8443").containsEntry("X-Drop", "");
    }

    @Test
    void theStepAndTheCliShareOneParameterVocabularyAndEveryFieldHasHelp() {
        Set<String> names = new TreeSet<>(List.of("host", "site", "location"));
        for (Method m : NginxRouteStep.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        assertThat(names).isEqualTo(new NginxRoute().params().stream().map(ParamDoc::name).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(NginxRouteStep.class.getResource("NginxRouteStep/help.html")).isNotNull();
        assertThat(NginxRouteStep.class.getResource("NginxRouteStep/config.jelly")).isNotNull();
        for (String field : names) {
            assertThat(NginxRouteStep.class.getResource("NginxRouteStep/help-" + field + ".html")).as("help-" + field + ".html").isNotNull();
        }
    }
}
