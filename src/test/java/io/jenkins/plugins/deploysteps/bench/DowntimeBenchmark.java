package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.command.Shell;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What users see during a release: a two-service app (a backend with a healthcheck and a named data volume, a
 * frontend) behind the target's nginx, a request loop through nginx every 50 ms during each deploy, and in one run,
 * interleaved round by round: the checklist's raw script ({@code down && build --no-cache && up -d} over one ssh
 * connection) and composeDeploy with each strategy. It prints the failed requests, the longest outage and the total
 * deploy time of each (medians), and where blue-green's time went, check by check. Goals: blue-green 0 failed
 * requests; build-first's longest outage at most 25 % of the raw script's; blue-green's total time at most 1.5 times
 * the raw script's. Run with {@code scripts/bench downtime [ROUNDS]} (as root: podman, docker-compose, nginx).
 */
public final class DowntimeBenchmark {
    private static final Duration LOOP_PAUSE = Duration.ofMillis(50);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final List<String> WAYS = List.of("raw script", "recreate", "build-first", "blue-green");
    private StepTimeline blueGreen = new StepTimeline();

    /** One deploy as users saw it. */
    private record Seen(long totalMs, int requests, int failed, long longestOutageMs) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("deploy-steps-bench-");
        try (LocalTarget target = LocalTarget.start(dir, "podman", "sshd", "nginx"); ComposeApp app = ComposeApp.create(target, dir)) {
            int frontend = ComposeApp.freePort();
            app.compose(twoServices(app, frontend));
            app.upWithDockerCompose();
            try (NginxSite site = NginxSite.withServer(target, "bench-" + app.project(), "    location /api/ {\n        proxy_pass http://127.0.0.1:"
                    + app.port() + "/;\n    }\n    location / {\n        proxy_pass http://127.0.0.1:" + frontend + "/;\n    }\n")) {
                new DowntimeBenchmark().run(target, app, site, rounds);
            } finally {
                LocalTarget.run(List.of("podman", "volume", "rm", "-f", app.project() + "_data"), Duration.ofMinutes(1), null, Map.of(), false);
            }
        }
    }

    static String twoServices(ComposeApp app, int frontendPort) {
        String health = ComposeApp.healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/ready\"]", "60s");
        return "services:\n  backend:\n    build: .\n    ports:\n      - \"127.0.0.1:" + app.port() + ":8080\"\n    env_file: .env\n"
                + "    volumes:\n      - data:/data\n" + health
                + "  frontend:\n    build: .\n    ports:\n      - \"127.0.0.1:" + frontendPort + ":8080\"\n" + health + "volumes:\n  data: {}\n";
    }

    private void run(LocalTarget target, ComposeApp app, NginxSite site, int rounds) throws Exception {
        Map<String, List<Seen>> seen = new LinkedHashMap<>();
        WAYS.forEach(w -> seen.put(w, new ArrayList<>()));
        int version = 1;
        // warm-up (JIT, image layers), through the code of both kinds of strategy, so no round pays for loading it
        deploy(target, app, site, "build-first");
        deploy(target, app, site, "blue-green");
        blueGreen = new StepTimeline();
        for (int round = 1; round <= rounds; round++) {
            for (String way : WAYS) {
                app.version("v" + (++version));
                Seen s = deploy(target, app, site, way);
                seen.get(way).add(s);
                System.out.printf(Locale.ROOT, "  round %d %-12s %6d ms, %3d of %3d requests failed, longest outage %5d ms%n", round, way, s.totalMs(),
                        s.failed(), s.requests(), s.longestOutageMs());
            }
        }
        System.out.printf(Locale.ROOT, "%ndowntime benchmark: two services behind nginx, docker-compose on podman, a request through nginx every %d ms "
                + "(medians of %d rounds)%n", LOOP_PAUSE.toMillis(), rounds);
        System.out.printf(Locale.ROOT, "  %-12s %10s %16s %18s%n", "", "total ms", "failed requests", "longest outage ms");
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (String way : WAYS) {
            List<Seen> s = seen.get(way);
            double[] m = {median(s.stream().map(Seen::totalMs).toList()), median(s.stream().map(x -> (long) x.failed()).toList()),
                    median(s.stream().map(Seen::longestOutageMs).toList())};
            medians.put(way, m);
            System.out.printf(Locale.ROOT, "  %-12s %10.0f %16.0f %18.0f%n", way, m[0], m[1], m[2]);
        }
        double[] raw = medians.get("raw script");
        double[] bf = medians.get("build-first");
        double[] bg = medians.get("blue-green");
        System.out.printf(Locale.ROOT, "  blue-green failed requests: %.0f (goal: 0)%n", bg[1]);
        System.out.printf(Locale.ROOT, "  build-first longest outage / raw script's: %.3f (goal: <= 0.25)%n", bf[2] / raw[2]);
        System.out.printf(Locale.ROOT, "  blue-green total time / raw script's: %.3f (goal: <= 1.5)%n", bg[0] / raw[0]);
        blueGreen.print("where blue-green's time went: per check, the wait before it began (drains; health polls end in the "
                + "'is up' checks) and its run", 20);
    }

    private Seen deploy(LocalTarget target, ComposeApp app, NginxSite site, String way) throws Exception {
        RequestLoop loop = new RequestLoop(site, List.of("/api/", "/"), LOOP_PAUSE);
        loop.start();
        long t0 = System.nanoTime();
        StepHarness.Run run = null;
        if (way.equals("raw script")) {
            rawScript(target, app);
        } else {
            run = withEngine(target, app, site, way);
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        if (way.equals("blue-green")) {
            blueGreen.add(run.log());
        }
        RequestLoop.Result r = loop.stopWhenServed(RECOVERY);
        return new Seen(total, r.requests(), r.failed(), r.longestOutageMs());
    }

    /** The checklist's commands as a person types them: one ssh connection, down, build without cache, up. */
    private static void rawScript(LocalTarget target, ComposeApp app) {
        String compose = "docker-compose -p " + app.project();
        String line = "cd " + Shell.quote(app.dir().toString()) + " && " + compose + " down && " + compose + " build --no-cache && " + compose + " up -d";
        LocalTarget.run(List.of("ssh", "-q", "-i", target.sshKey().toString(), "-p", Integer.toString(target.sshPort()), "-o",
                "UserKnownHostsFile=" + target.get("SSH_KNOWN_HOSTS"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                target.sshUser() + "@127.0.0.1", line), Duration.ofMinutes(10));
    }

    private static StepHarness.Run withEngine(LocalTarget target, ComposeApp app, NginxSite site, String strategy) throws Exception {
        Map<String, Object> params = app.params("strategy", strategy, "logsTail", 0);
        if (strategy.equals("blue-green")) {
            params.put("routes", List.of(Map.of("service", "backend", "site", site.file().toString(), "location", "/api/"),
                    Map.of("service", "frontend", "site", site.file().toString(), "location", "/")));
            params.put("nginxBackupDir", app.dir().getParent().resolve("nginx-backups").toString());
            params.put("drainTime", "1s");
        }
        StepHarness.Run r = new StepHarness(target, app.dir().getParent().resolve("bench-reports"), NginxSite.hostDefaults(target))
                .run(new ComposeDeploy(), params, "bench");
        if (r.report().verdict().outcome() != Outcome.SUCCESS) {
            throw new IllegalStateException(strategy + " did not succeed: " + r.report().verdict().reason());
        }
        return r;
    }

    /** The median of plain values (SshBenchmark's takes nanoseconds). */
    static double median(List<Long> values) {
        return SshBenchmark.median(values.stream().map(v -> v * 1_000_000).toList());
    }
}
