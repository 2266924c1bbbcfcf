package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthVerify in a CLI plan: the Jenkins parameter names, credentials from environment variables the plan names. */
class HealthVerifyCliTest {
    @TempDir
    Path dir;

    private final TestHttpServer server = TestHttpServer.http();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String plan) throws Exception {
        Path file = Files.writeString(dir.resolve("plan.yaml"), plan);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get)
                .run("run", file.toString(), "--report-dir", dir.resolve("reports").toString());
    }

    @Test
    void aPlanWithChecksAndATokenFromTheEnvironment() throws Exception {
        env.put("API_TOKEN", "cli-token-0123456789");
        server.on("/api/health", TestHttpServer.json(200, "{\"status\":\"ok\",\"db\":\"connected\"}"));
        server.on("/me", x -> TestHttpServer.send(x, 200, "text/plain", "hello " + x.getRequestHeaders().getFirst("Authorization")));
        int exit = run("credentials:\n  api-token: {tokenEnv: API_TOKEN}\nsteps:\n  - healthVerify:\n      waitTimeout: 30s\n      checks:\n"
                + "        - {name: api, url: '" + server.url("/api/health") + "', expectStatus: 200, expectJson: {'$.status': ok, '$.db': connected}, maxLatency: 5s}\n"
                + "        - {name: me, url: '" + server.url("/me") + "', credentialsId: api-token, expectBodyContains: hello}\n");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String all = out.toString(StandardCharsets.UTF_8) + Files.readString(dir.resolve("reports/healthVerify.json"));
        assertThat(all).contains("[PASS] api").contains("[PASS] me").contains("hello ****").doesNotContain("cli-token-0123456789");
        assertThat(server.lastHeaders("/me")).containsEntry("authorization", "Bearer cli-token-0123456789");
    }

    @Test
    void planErrorsNameTheCredentialTheStepAndTheField() throws Exception {
        assertThat(run("steps:\n  - healthVerify: {url: '" + server.url("/") + "', checks: []}\n")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("steps[0] (healthVerify): url: give either url (one check) or checks");
        err.reset();
        assertThat(run("credentials:\n  api: {tokenEnv: NOT_SET}\nsteps:\n  - healthVerify: {url: '" + server.url("/") + "'}\n")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("credentials.api: tokenEnv: environment variable NOT_SET is not set");
        err.reset();
        assertThat(run("steps:\n  - healthVerify:\n      checks:\n        - {url: '" + server.url("/") + "', credentialsId: nope}\n")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("steps[0] (healthVerify): checks[0].credentialsId: unknown credential 'nope'; "
                + "the plan's credentials are: (none)");
        err.reset();
        assertThat(run("credentials:\n  ca: {file: missing.pem}\nsteps:\n  - healthVerify: {url: '" + server.url("/") + "'}\n")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("credentials.ca: file: cannot read " + dir.resolve("missing.pem"));
        assertThat(server.hits("/")).isZero();
    }

    @Test
    void helpListsTheCheckAndTlsParameters() throws Exception {
        new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get).run("help", "healthVerify");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("waitTimeout").contains("checks[].expectJson").contains("tls.caCredentialsId");
    }
}
