package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose services reach each other by service name, as they do on a production host: the local target's
 * podman uses netavark, whose networks run aardvark-dns. One compose project with two services; healthVerify
 * probes the second from inside the first, by name, with no /etc/hosts help.
 */
class ContainerDnsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    private static final String API_BODY = "api answers by name";
    private static ComposeApp app;
    private static String web;

    @TempDir
    Path reports;

    @BeforeAll
    static void upTwoServices(@TempDir Path tmp) throws IOException {
        app = ComposeApp.create(TARGET.get(), tmp);
        Files.createDirectories(app.dir().resolve("www/api"));
        app.write("www/api/index.html", API_BODY + "\n").compose(app.compose("", "")
                + "  api:\n    build: .\n    command: [\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"8081\", \"-h\", \"/www/api\"]\n");
        app.upWithDockerCompose();
        web = docker("ps", "--filter", "label=com.docker.compose.project=" + app.project(), "--filter", "label=com.docker.compose.service=web",
                "--format", "{{.Names}}").strip();
    }

    @AfterAll
    static void down() {
        if (app != null) {
            app.close();
        }
    }

    private static String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "DOCKER_HOST=" + TARGET.get().get("DOCKER_HOST"), "docker"));
        cmd.addAll(List.of(args));
        return LocalTarget.run(cmd, Duration.ofSeconds(60));
    }

    private PlanStepHarness<HealthVerifySpec> harness() {
        PlanStepHarness<HealthVerifySpec> h = new PlanStepHarness<>(new HealthVerify(), reports);
        h.hosts.put("local", TARGET.get().host("local"));
        return h;
    }

    @Test
    void theFirstServiceReachesTheSecondByItsServiceName() throws Exception {
        assertThat(web).as("the web service's container").startsWith(app.project()).doesNotContain("\n");
        assertThat(LocalTarget.run(List.of("podman", "network", "inspect", "--format", "{{.NetworkInterface}} dns={{.DNSEnabled}}",
                app.project() + "_default"), Duration.ofSeconds(30)).strip()).as("the project's network, made by netavark with aardvark-dns").endsWith("dns=true");
        assertThat(docker("exec", web, "/bin/busybox", "cat", "/etc/hosts")).as("the name comes from DNS, not from /etc/hosts")
                .doesNotContainPattern("\\bapi\\b");
        PlanStepHarness<HealthVerifySpec> byName = harness();
        // Only the api's httpd may still be starting; the wait is for it, not for the name.
        Report ok = byName.run(Map.of("waitTimeout", "30s", "interval", "1s", "checks", List.of(
                check("name", "web->api", "url", "http://api:8081/", "host", "local", "container", web, "expectBodyContains", API_BODY)))).report();
        Check reached = named(ok, "web->api");
        assertThat(reached.status()).as(reached.toString()).isEqualTo(Status.PASS);
        assertThat(reached.actual()).isEqualTo("status 200; body contains it");
        assertThat(byName.log.text()).contains("wget http://api:8081/ from container " + web + " on local");

        PlanStepHarness<HealthVerifySpec> wrongName = harness();
        Report bad = wrongName.run(Map.of("checks", List.of(
                check("name", "web->apu", "url", "http://apu:8081/", "host", "local", "container", web, "expectBodyContains", API_BODY)))).report();
        Check unknown = named(bad, "web->apu");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(Status.ERROR);
        assertThat(unknown.message()).isEqualTo("from container " + web + " on local: wget failed (exit 1): wget: bad address 'apu:8081'");
    }
}
