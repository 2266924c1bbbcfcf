package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.delayed;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.json;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.redirect;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthVerify in the engine against real HTTP servers on 127.0.0.1: assertions, waiting, errors, secrets. */
class HealthVerifyTest {
    @TempDir
    Path reports;

    final TestHttpServer server = TestHttpServer.http();
    PlanStepHarness<HealthVerifySpec> harness;
    Recording log;
    Map<String, Credential> credentials;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        log = harness.log;
        credentials = harness.credentials;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    StepResult run(Map<String, Object> params) throws Exception {
        return harness.run(params);
    }

    static Map<String, Object> check(Object... kv) {
        return PlanStepHarness.check(kv);
    }

    static Map<String, Object> ordered(Object... kv) {
        return PlanStepHarness.check(kv);
    }

    static Check named(Report r, String name) {
        return PlanStepHarness.named(r, name);
    }

    @Test
    void everyAssertionKindPassesWithExpectedAndActualRecorded() throws Exception {
        server.on("/api/health", x -> {
            x.getResponseHeaders().set("X-Version", "1.4.2");
            TestHttpServer.send(x, 200, "application/json", "{\"status\":\"ok\",\"db\":\"connected\",\"items\":[1,2,3],\"load\":0.5}");
        });
        server.on("/", text(200, "<html><div id=\"root\"></div></html>"));
        server.on("/old", redirect(301, server.url("/")));
        StepResult r = run(Map.of("checks", List.of(
                check("name", "api", "url", server.url("/api/health"), "expectStatus", 200,
                        "expectJson", ordered("$.status", "ok", "$.db", "connected", "$.items.length()", 3, "$.load", "0.50", "$.items", "exists"),
                        "expectHeader", ordered("x-version", "1.4.2", "Content-Type", "exists"), "maxLatency", "5s"),
                check("name", "frontend", "url", server.url("/"), "expectBodyContains", "<div id=\"root\">", "expectBodyMatches", "id=\"r[a-z]+\""),
                check("name", "moved", "url", server.url("/old"), "expectRedirectTo", server.url("/")),
                check("name", "moved, followed", "url", server.url("/old"), "followRedirects", true, "expectStatus", "200-299"))));
        Report report = r.report();
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASS));
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        Check api = named(report, "api");
        assertThat(api.expected()).isEqualTo("status 200; $.status ok; $.db connected; $.items.length() 3; $.load 0.50; $.items exists; "
                + "header x-version 1.4.2; header Content-Type exists; latency <= 5s");
        assertThat(api.actual()).startsWith("status 200; $.status ok; $.db connected; $.items.length() 3; $.load 0.5; $.items exists ([1,2,3]); "
                + "header x-version 1.4.2; header Content-Type application/json; latency ");
        assertThat(api.attempts()).isEqualTo(1);
        assertThat(named(report, "moved").actual()).isEqualTo("redirect 301 to " + server.url("/"));
        assertThat(named(report, "moved, followed").evidence()).anySatisfy(e -> assertThat(e.text()).contains("redirect: 301 " + server.url("/old")));
        assertThat(Files.readString(Path.of(r.files().json()))).contains("\"name\" : \"api\"");
    }

    @Test
    void everyAssertionKindFailsWithExpectedAndActualRecorded() throws Exception {
        server.on("/api/health", x -> {
            x.getResponseHeaders().set("X-Version", "1.4.1");
            TestHttpServer.send(x, 503, "application/json", "{\"status\":\"degraded\",\"db\":\"down\"}");
        });
        server.on("/slow", delayed(300, text(200, "<html>maintenance</html>")));
        server.on("/old", text(200, "not moved"));
        StepResult r = run(Map.of("checks", List.of(
                check("name", "status", "url", server.url("/api/health")),
                check("name", "json", "url", server.url("/api/health"), "expectStatus", 503, "expectJson", ordered("$.status", "ok", "$.version", "exists")),
                check("name", "header", "url", server.url("/api/health"), "expectStatus", "5xx", "expectHeader", ordered("X-Version", "1.4.2", "X-Missing", "exists")),
                check("name", "body", "url", server.url("/slow"), "expectBodyContains", "<div id=\"root\">", "expectBodyMatches", "v[0-9]+"),
                check("name", "latency", "url", server.url("/slow"), "maxLatency", "50ms"),
                check("name", "redirect", "url", server.url("/old"), "expectRedirectTo", "https://example.invalid/"))));
        Report report = r.report();
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.FAIL));
        assertThat(named(report, "status").message()).isEqualTo("status: expected 200-299, actual 503");
        assertThat(named(report, "json").message()).isEqualTo("$.status: expected ok, actual degraded; $.version: expected exists, actual not found");
        assertThat(named(report, "header").message()).isEqualTo("header X-Version: expected 1.4.2, actual 1.4.1; header X-Missing: expected exists, actual (absent)");
        assertThat(named(report, "body").message()).isEqualTo("body: expected contains '<div id=\"root\">', actual '<html>maintenance</html>'; "
                + "body: expected matches /v[0-9]+/, actual '<html>maintenance</html>'");
        assertThat(named(report, "latency").message()).matches("latency: expected <= 50ms, actual \\d+ ms");
        assertThat(named(report, "redirect").message()).isEqualTo("redirect: expected to https://example.invalid/, actual no redirect (status 200)");
        assertThat(named(report, "json").evidence()).anySatisfy(e -> assertThat(e.label()).isEqualTo("response"));
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(log.text()).contains("[FAIL] status (");
    }

    @Test
    void connectionErrorsAndTimeoutsAreErrorsWithTheRealCauseNeverAStatus() throws Exception {
        int closed = TestHttpServer.closedPort();
        server.on("/slow", delayed(3000, text(200, "late")));
        server.on("/trickle", TestHttpServer.trickle(200, 100));
        try (TestHttpServer.Resetting reset = new TestHttpServer.Resetting()) {
            StepResult r = run(Map.of("timeout", "1s", "checks", List.of(
                    check("name", "refused", "url", "http://127.0.0.1:" + closed + "/health"),
                    check("name", "slow", "url", server.url("/slow")),
                    check("name", "slow body", "url", server.url("/trickle")),
                    check("name", "reset", "url", reset.uri("/").toString()),
                    check("name", "db port", "tcp", "127.0.0.1:" + closed, "severity", "warning"))));
            Report report = r.report();
            assertThat(named(report, "refused").status()).isEqualTo(Status.ERROR);
            assertThat(named(report, "refused").message()).startsWith("cannot connect to 127.0.0.1:" + closed);
            assertThat(named(report, "slow").message()).isEqualTo("no response from " + server.url("/slow") + " within the timeout of 1s");
            assertThat(named(report, "slow body").message()).contains("started (status 200) but its body did not finish");
            assertThat(named(report, "reset").status()).isEqualTo(Status.ERROR);
            assertThat(named(report, "db port").status()).isEqualTo(Status.WARN);
            assertThat(named(report, "db port").message()).startsWith("cannot connect to 127.0.0.1:" + closed);
            assertThat(report.checks()).noneMatch(c -> c.actual() != null && c.actual().startsWith("status "));
        }
    }

    @Test
    void waitsUntilAServiceBecomesHealthyAndSaysHowManyAttemptsItTook() throws Exception {
        long healthyAt = System.nanoTime() + 3_000_000_000L;
        server.on("/health", x -> {
            if (System.nanoTime() < healthyAt) {
                TestHttpServer.send(x, 503, "text/plain", "starting");
            } else {
                TestHttpServer.send(x, 200, "application/json", "{\"status\":\"ok\"}");
            }
        });
        server.on("/always", text(200, "ok"));
        StepResult r = run(Map.of("waitTimeout", "60s", "interval", "250ms", "maxInterval", "1s", "checks", List.of(
                check("name", "api", "url", server.url("/health"), "expectJson", Map.of("$.status", "ok")),
                check("name", "static", "url", server.url("/always")))));
        Check api = named(r.report(), "api");
        assertThat(api.status()).isEqualTo(Status.PASS);
        assertThat(api.attempts()).isGreaterThan(2);
        assertThat(api.duration().toMillis()).isGreaterThanOrEqualTo(2500);
        assertThat(named(r.report(), "static").attempts()).isEqualTo(1);
        assertThat(server.hits("/always")).isEqualTo(1); // a healthy check is not re-run
        assertThat(log.text()).containsPattern("\\[api] attempt 1: not healthy yet: status: expected 200-299, actual 503;.*; next attempt in 250 ms")
                .doesNotContain("[api] attempt 2:");
        assertThat(log.lines().stream().filter(l -> l.text().startsWith("[api] attempt"))).as("a poll prints when the state changes, not on every attempt")
                .hasSize(1);
        List<?> returned = (List<?>) r.toMap().get("checks");
        assertThat(returned).anySatisfy(c -> assertThat(((Map<?, ?>) c).get("attempts")).isEqualTo(api.attempts()));
    }

    @Test
    void aServiceThatNeverBecomesHealthyFailsWhenTheWaitRunsOut() throws Exception {
        server.on("/health", text(503, "down"));
        long t0 = System.nanoTime();
        StepResult r = run(Map.of("url", server.url("/health"), "waitTimeout", "2s", "interval", "200ms"));
        Check c = r.report().checks().get(0);
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.attempts()).isGreaterThan(1);
        assertThat(c.message()).isEqualTo("status: expected 200-299, actual 503");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(30));
    }

    @Test
    void consecutivePassesAreCountedAndWithoutWaitingAFailureIsFinal() throws Exception {
        server.on("/ok", text(200, "ok")).on("/down", text(500, "no"));
        StepResult r = run(Map.of("consecutive", 3, "interval", "100ms", "checks", List.of(
                check("name", "ok", "url", server.url("/ok")), check("name", "down", "url", server.url("/down")))));
        assertThat(named(r.report(), "ok").attempts()).isEqualTo(3);
        assertThat(server.hits("/ok")).isEqualTo(3);
        assertThat(named(r.report(), "down").attempts()).isEqualTo(1);
        assertThat(named(r.report(), "down").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aFlappingServiceNeverReachesItsConsecutivePasses() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        server.on("/flaky", x -> TestHttpServer.send(x, hits.incrementAndGet() % 2 == 1 ? 200 : 503, "text/plain", "?"));
        StepResult r = run(Map.of("url", server.url("/flaky"), "consecutive", 2, "waitTimeout", "2s", "interval", "100ms", "maxInterval", "100ms"));
        Check c = r.report().checks().get(0);
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.message()).matches("passed 1 time\\(s\\) in a row, not the 2 consecutive passes needed, before waitTimeout ran out"
                + "|status: expected 200-299, actual 503");
        assertThat(c.attempts()).isGreaterThan(2);
    }

    @Test
    void checksRunInParallelUpToTheLimit() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.on("/slow", x -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
                TestHttpServer.send(x, 200, "text/plain", "ok");
            } finally {
                now.decrementAndGet();
            }
        });
        List<Object> checks = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            checks.add(check("name", "c" + i, "url", server.url("/slow") + "?i=" + i));
        }
        run(Map.of("parallelism", 3, "checks", checks));
        assertThat(most.get()).isBetween(2, 3);
        most.set(0);
        run(Map.of("parallelism", 1, "checks", checks));
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void samplesReportMinMedianP95AndMaxAndGateOnP95() throws Exception {
        server.on("/fast", text(200, "ok")).on("/slow", delayed(120, text(200, "ok")));
        StepResult r = run(Map.of("checks", List.of(
                check("name", "fast", "url", server.url("/fast"), "samples", 5, "p95Latency", "5s"),
                check("name", "slow", "url", server.url("/slow"), "samples", 3, "p95Latency", "20ms"))));
        Check fast = named(r.report(), "fast");
        assertThat(fast.status()).isEqualTo(Status.PASS);
        assertThat(fast.evidence()).anySatisfy(e -> assertThat(e.text()).matches("5 requests: min \\d+ ms, median \\d+ ms, p95 \\d+ ms, max \\d+ ms"));
        assertThat(server.hits("/fast")).isEqualTo(5);
        assertThat(named(r.report(), "slow").message()).matches("p95 latency: expected <= 20ms, actual \\d+ ms of 3 requests");
    }

    @Test
    void credentialsAuthenticateAndAreMaskedInTheLogAndEveryReport() throws Exception {
        String token = "tok-" + Long.toHexString(System.nanoTime()) + "-secret";
        credentials.put("api-token", new Credential.SecretText(token));
        credentials.put("admin", new Credential.UsernamePassword("admin", "pw-" + Long.toHexString(System.nanoTime())));
        server.on("/echo", x -> TestHttpServer.send(x, 401, "text/plain", "you sent: " + x.getRequestHeaders().getFirst("Authorization")));
        StepResult r = run(Map.of("checks", List.of(
                check("name", "bearer", "url", server.url("/echo"), "credentialsId", "api-token"),
                check("name", "basic", "url", server.url("/echo"), "credentialsId", "admin"))));
        assertThat(named(r.report(), "bearer").actual()).isEqualTo("status 401");
        String everything = log.text() + Files.readString(Path.of(r.files().json())) + Files.readString(Path.of(r.files().xml()))
                + Files.readString(Path.of(r.files().html()));
        assertThat(everything).contains("you sent: ****").doesNotContain(token).doesNotContain(credentials.get("admin").secrets().get(0))
                .doesNotContain(((io.jenkins.plugins.deploysteps.engine.http.HttpAuth.Basic) io.jenkins.plugins.deploysteps.engine.http.HttpAuth
                        .of("x", credentials.get("admin"))).headerValue().substring(6));
    }
}
