package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * healthVerify through the shipped CLI jar: json-path and its logging come along in the jar (and stay quiet), and
 * a host name that does not resolve is an ERROR with that cause. The JVM resolves names from a hosts file of this
 * test only, so no lookup leaves the machine.
 */
class HealthVerifyCliIT {
    @TempDir
    Path dir;

    @Test
    void checksThroughTheJarIncludingAnUnresolvableHost() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            server.on("/health", TestHttpServer.json(200, "{\"status\":\"ok\"}"));
            Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
            Path plan = Files.writeString(dir.resolve("plan.yaml"), "steps:\n  - healthVerify:\n      checks:\n"
                    + "        - {name: api, url: '" + server.url("/health") + "', expectJson: {'$.status': ok}}\n"
                    + "        - {name: nowhere, url: 'http://no-such-host.invalid/health'}\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-Djdk.net.hosts.file=" + hosts, "-jar", jar().toString(), "run", plan.toString(),
                    "--report-dir", dir.resolve("reports").toString())).redirectErrorStream(true).start();
            String output;
            try (var in = p.getInputStream()) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("the CLI did not finish within 60s");
                }
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("[PASS] api").contains("[ERROR] nowhere").contains("cannot resolve host name 'no-such-host.invalid'")
                    .doesNotContain("SLF4J");
            assertThat(dir.resolve("reports/healthVerify.xml")).exists();
        }
    }

    private static Path jar() throws IOException {
        return Path.of(System.getProperty("deploysteps.cliJar", "offline/deploy-steps/target/deploy-steps-cli.jar"));
    }
}
