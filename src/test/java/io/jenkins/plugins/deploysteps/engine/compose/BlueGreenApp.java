package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.nginx.SiteSwitch;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The blue-green tests' app on the real target: one compose service {@code web} with a named data volume (holding
 * {@code /data/keep}) behind the target's nginx at {@code /api/}, and deploys of it with a request loop through nginx
 * every 50 ms, optionally killing the deploy's SSH sessions (as a dropped network would) at a point in its log.
 */
final class BlueGreenApp implements AutoCloseable {
    /** A deploy with a request loop through nginx every 50 ms; the loop's failures are counted. */
    record Observed(StepHarness.Run run, int requests, int failed) {}

    final LocalTarget target;
    final Path tmp;
    final ComposeApp app;
    final NginxSite site;
    private int versions;

    private BlueGreenApp(LocalTarget target, Path tmp, ComposeApp app, NginxSite site) {
        this.target = target;
        this.tmp = tmp;
        this.app = app;
        this.site = site;
    }

    static BlueGreenApp start(LocalTarget target, Path tmp) {
        ComposeApp app = ComposeApp.create(target, tmp);
        app.write("www/probe.txt", "probe\n").write("www/feature.txt", "feature\n")
                .compose("services:\n  web:\n    build: .\n    ports:\n      - \"127.0.0.1:" + app.port() + ":8080\"\n    env_file: .env\n"
                        + "    volumes:\n      - data:/data\n" + ComposeApp.healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", "
                        + "\"/dev/null\", \"http://127.0.0.1:8080/ready\"]", "60s") + "volumes:\n  data: {}\n");
        app.upWithDockerCompose();
        podman("exec", app.project() + "_web_1", "/bin/busybox", "sh", "-c", "echo kept > /data/keep");
        NginxSite site = NginxSite.withServer(target, "bg-" + app.project(), "    location /api/ {\n        proxy_pass http://127.0.0.1:"
                + app.port() + "/;\n    }\n");
        assertThat(site.awaitBody("/api/", "v1\n").status()).isEqualTo(200);
        return new BlueGreenApp(target, tmp, app, site);
    }

    @Override
    public void close() {
        app.close();
        LocalTarget.run(List.of("podman", "volume", "rm", "-f", app.project() + "_data"), Duration.ofMinutes(1), null,
                Map.of("DOCKER_HOST", target.get("DOCKER_HOST")), false);
        site.close();
    }

    static String podman(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return LocalTarget.run(command, Duration.ofMinutes(1), null, Map.of(), true);
    }

    String nextVersion() {
        String v = "v" + (10 + ++versions);
        app.version(v);
        return v;
    }

    /** Blue-green with a probed route, a verify check, a short drain and the downtime probe; then {@code more} (name, value, ...). */
    Map<String, Object> params(Object... more) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("service", "web");
        route.put("site", site.file().toString());
        route.put("location", "/api/");
        route.put("verifyUrl", site.url("/api/probe.txt"));
        route.put("expectStatus", 200);
        Map<String, Object> p = app.params("strategy", "blue-green", "routes", List.of(route), "drainTime", "500ms",
                "nginxBackupDir", tmp.resolve("nginx-backups").toString(), "verify", List.of(Map.of("url",
                        "http://127.0.0.1:" + app.port() + "/feature.txt", "expectStatus", 200)),
                "downtimeProbe", Map.of("url", site.url("/api/"), "interval", "100ms", "maxDowntime", "1s"));
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    Observed deploy(Map<String, Object> params) throws Exception {
        return deploy(params, new Recording());
    }

    Observed deploy(Map<String, Object> params, Recording log) throws Exception {
        return deploy(params, log, UnaryOperator.identity());
    }

    /** @param wrap each SSH target of the deploy passes through it: for acting at one command */
    Observed deploy(Map<String, Object> params, Recording log, UnaryOperator<Target> wrap) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread loop = new Thread(() -> {
            while (!done.get()) {
                requests.incrementAndGet();
                if (site.get("/api/").status() != 200) {
                    failed.incrementAndGet();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        loop.start();
        try {
            StepHarness.Run run = new StepHarness(target, tmp.resolve("reports"), NginxSite.hostDefaults(target)).wrapping(wrap)
                    .run(new ComposeDeploy(), params, "blue-green", log);
            return new Observed(run, requests.get(), failed.get());
        } finally {
            done.set(true);
            loop.join(10_000);
        }
    }

    /** Runs a deploy and kills its SSH sessions (as a dropped network would) once the log shows {@code marker}. */
    Observed deployDroppingTheConnection(Map<String, Object> params, String marker) throws Exception {
        long sshd = Long.parseLong(target.get("SSHD_PID"));
        Instant started = Instant.now();
        Recording log = new Recording();
        CompletableFuture<Observed> deploy = CompletableFuture.supplyAsync(() -> {
            try {
                return deploy(params, log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!log.text().contains(marker) && System.nanoTime() < deadline && !deploy.isDone()) {
            Thread.sleep(20);
        }
        assertThat(log.text()).contains(marker);
        List<ProcessHandle> sessions = ProcessHandle.of(sshd).orElseThrow().children()
                .filter(p -> p.info().startInstant().map(t -> t.isAfter(started.minusSeconds(1))).orElse(false)).toList();
        assertThat(sessions).isNotEmpty();
        sessions.forEach(ProcessHandle::destroyForcibly);
        return deploy.get(4, TimeUnit.MINUTES);
    }

    /** The containers of the temporary copy's project, stopped ones included. */
    List<String> copies() {
        return LocalTarget.run(List.of("podman", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + app.project() + "-next"),
                Duration.ofMinutes(1)).lines().filter(l -> !l.isBlank()).toList();
    }

    Path copyFile() {
        return Path.of("/tmp/deploy-steps-" + app.project() + "-next.yml");
    }

    Path siteLock() {
        return Path.of(SiteSwitch.lockPath(site.file().toString()));
    }

    Path projectLock() {
        return app.dir().resolve(".deploy-steps.lock");
    }
}
