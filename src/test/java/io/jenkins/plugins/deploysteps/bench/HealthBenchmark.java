package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * healthVerify's parallel checks: N checks against endpoints on 127.0.0.1 that each answer after 100 ms, run with
 * the default parallelism (8) and, as the baseline in the same run, one after another (parallelism 1). Prints
 * medians, the ratio, and the overhead per check beyond the server's delay. Run with {@code scripts/bench health}.
 */
public final class HealthBenchmark {
    private static final long DELAY_MS = 100;

    public static void main(String[] args) throws Exception {
        int checks = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (TestHttpServer server = TestHttpServer.http()) {
            server.on("/health", TestHttpServer.delayed(DELAY_MS, TestHttpServer.json(200, "{\"status\":\"ok\"}")));
            new HealthBenchmark().run(server, checks, rounds);
        }
    }

    private void run(TestHttpServer server, int n, int rounds) throws Exception {
        HealthVerifySpec parallel = spec(server, n, 8);
        HealthVerifySpec sequential = spec(server, n, 1);
        for (int i = 0; i < 3; i++) { // warm up the JIT, the client's connection pool and the server's threads
            time(spec(server, 16, 8));
        }
        List<Long> parallelRuns = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            parallelRuns.add(time(parallel));
        }
        int sequentialRounds = Math.max(1, rounds / 2);
        List<Long> sequentialRuns = new ArrayList<>();
        for (int i = 0; i < sequentialRounds; i++) {
            sequentialRuns.add(time(sequential));
        }
        // Baseline for the client and server alone: the JDK client, the same requests one after another, no engine.
        List<Long> rawRuns = new ArrayList<>();
        for (int i = 0; i < sequentialRounds; i++) {
            rawRuns.add(rawClient(server, n));
        }
        double par = median(parallelRuns);
        double seq = median(sequentialRuns);
        double raw = median(rawRuns);
        double ideal = Math.ceil(n / 8.0) * DELAY_MS;
        System.out.printf(Locale.ROOT, "%nhealthVerify benchmark: %d checks, each answered after %d ms by a server on 127.0.0.1 (medians)%n", n, DELAY_MS);
        System.out.printf(Locale.ROOT, "  parallelism 8 (default), %d runs           %8.0f ms  (target: <= 1500 ms; waves of 8 alone take %.0f ms)%n",
                rounds, par, ideal);
        System.out.printf(Locale.ROOT, "  one after another (parallelism 1), %d runs %8.0f ms%n", sequentialRounds, seq);
        System.out.printf(Locale.ROOT, "  ratio parallel / sequential               %8.3f%n", par / seq);
        System.out.printf(Locale.ROOT, "  plain JDK HttpClient, one after another, %d runs %6.0f ms%n", sequentialRounds, raw);
        System.out.printf(Locale.ROOT, "  overhead per check beyond the delay, sequential   %6.2f ms  (target: < 5 ms)%n", seq / n - DELAY_MS);
        System.out.printf(Locale.ROOT, "    of which the plain client and server            %6.2f ms; the engine %.2f ms%n", raw / n - DELAY_MS, (seq - raw) / n);
        System.out.printf(Locale.ROOT, "  overhead per wave of 8 beyond the delay, parallel %6.2f ms%n", (par - ideal) / Math.ceil(n / 8.0));
    }

    private static HealthVerifySpec spec(TestHttpServer server, int n, int parallelism) {
        List<Object> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "check " + i);
            c.put("url", server.url("/health") + "?check=" + i);
            c.put("expectJson", Map.of("$.status", "ok"));
            checks.add(c);
        }
        return new HealthVerify().bind(Params.of(Map.of("checks", checks, "parallelism", parallelism)));
    }

    private static long rawClient(TestHttpServer server, int n) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/health?check=" + i)).timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Wall time of one step run, in milliseconds; every check must pass or the number means nothing. */
    private static long time(HealthVerifySpec spec) throws InterruptedException {
        SecretMasker masker = new SecretMasker();
        Progress quiet = new Progress(ProgressSink.NONE, masker);
        Targets none = new Targets((field, name) -> {
            throw new SpecException(field, "no hosts");
        }, h -> {
            throw new IllegalStateException("no SSH in this benchmark");
        });
        try (RunContext ctx = new RunContext(masker, quiet, none, Clock.systemUTC(), "bench")) {
            long t0 = System.nanoTime();
            Report r = new HealthVerify().run(spec, ctx);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.checks().stream().anyMatch(c -> c.status() != Status.PASS)) {
                throw new IllegalStateException("a check did not pass: " + r.checks().stream().filter(c -> c.status() != Status.PASS).findFirst());
            }
            return ms;
        }
    }

    private static double median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }
}
