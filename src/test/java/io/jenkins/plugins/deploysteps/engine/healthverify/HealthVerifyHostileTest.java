package io.jenkins.plugins.deploysteps.engine.healthverify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthVerify against a real HTTP server that answers with hostile bodies: echoed secrets at a cut, non-JSON, backtracking bait. */
class HealthVerifyHostileTest {
    @TempDir
    Path reports;

    final TestHttpServer server = TestHttpServer.http();
    PlanStepHarness<HealthVerifySpec> harness;
    Recording log;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        log = harness.log;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String everything(StepResult r) throws Exception {
        return log.text() + Files.readString(Path.of(r.files().json())) + Files.readString(Path.of(r.files().xml()))
                + Files.readString(Path.of(r.files().html()));
    }

    @Test
    void aSecretCutByTheResponseSummaryIsMaskedOnBothSidesOfTheCut() throws Exception {
        String token = "tk-" + Long.toHexString(System.nanoTime()) + "-0123456789";
        assertThat(token.length()).isGreaterThan(20);
        harness.credentials.put("api-token", new Credential.SecretText(token));
        // the summary keeps 120 characters: all of the token but its last character lands inside them
        String before = "x".repeat(120 - ("Bearer ".length() + token.length() - 1));
        server.on("/echo", x -> TestHttpServer.send(x, 200, "text/plain", before + x.getRequestHeaders().getFirst("Authorization") + " and more"));
        StepResult r = harness.run(Map.of("checks", List.of(
                PlanStepHarness.check("name", "echo", "url", server.url("/echo"), "credentialsId", "api-token", "expectBodyContains", "never"))));
        Check echo = PlanStepHarness.named(r.report(), "echo");
        assertThat(echo.status()).isEqualTo(Status.FAIL);
        assertThat(echo.message()).endsWith("****...' (" + (before.length() + "Bearer ".length() + token.length() + " and more".length()) + " bytes)");
        assertThat(everything(r)).doesNotContain(token.substring(0, token.length() - 1)).doesNotContain(token.substring(0, 8));
    }

    @Test
    void expectJsonOnABodyThatIsNotJsonSaysSo() throws Exception {
        server.on("/html", TestHttpServer.text(200, "<html>maintenance</html>"));
        server.on("/words", TestHttpServer.text(200, "service ok"));
        StepResult r = harness.run(Map.of("checks", List.of(
                PlanStepHarness.check("name", "html", "url", server.url("/html"), "expectJson", Map.of("$.status", "ok")),
                PlanStepHarness.check("name", "words", "url", server.url("/words"), "expectJson", Map.of("$.status", "ok")))));
        assertThat(PlanStepHarness.named(r.report(), "html").message()).contains("the body is not JSON").doesNotContain("not found");
        assertThat(PlanStepHarness.named(r.report(), "words").message()).contains("the body is not JSON (it starts 'service ok')");
    }

    @Test
    void aBodyPatternThatBacktracksOrRecursesIsAnErrorNamingIt() throws Exception {
        server.on("/short", TestHttpServer.text(200, "a".repeat(32) + "b"));
        server.on("/long", TestHttpServer.text(200, "a".repeat(15_000) + "b"));
        long started = System.nanoTime();
        StepResult r = harness.run(Map.of("checks", List.of(
                PlanStepHarness.check("name", "backtracks", "url", server.url("/short"), "expectBodyMatches", "(.*a){20}$"),
                PlanStepHarness.check("name", "recurses", "url", server.url("/long"), "expectBodyMatches", "(a|aa)+$"))));
        Check backtracks = PlanStepHarness.named(r.report(), "backtracks");
        assertThat(backtracks.status()).isEqualTo(Status.ERROR);
        assertThat(backtracks.message()).contains("the pattern '(.*a){20}$' took longer than 1s");
        Check recurses = PlanStepHarness.named(r.report(), "recurses");
        assertThat(recurses.status()).as("bounded to the first 8192 characters, or stopped at the stack: never a crash")
                .isIn(Status.FAIL, Status.ERROR);
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds").isLessThan(30);
        assertThat(Path.of(r.files().html())).exists();
    }
}
