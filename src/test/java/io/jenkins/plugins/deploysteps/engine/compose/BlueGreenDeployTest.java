package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * composeDeploy's blue-green strategy against the real target: a compose service with a named data volume behind
 * the target's nginx, one app shared by every case (each leaves it serving some version). Through nginx a request
 * loop runs during each deploy; failures before or at the switch must leave the old version serving and the site file
 * byte-identical.
 */
class BlueGreenDeployTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdNginxAndPodman();

    @TempDir
    static Path tmp;

    private static ComposeApp app;
    private static NginxSite site;
    private static int versions;

    @BeforeAll
    static void appBehindNginx() {
        app = ComposeApp.create(TARGET.get(), tmp);
        app.write("www/probe.txt", "probe\n").write("www/feature.txt", "feature\n")
                .compose("services:\n  web:\n    build: .\n    ports:\n      - \"127.0.0.1:" + app.port() + ":8080\"\n    env_file: .env\n"
                        + "    volumes:\n      - data:/data\n" + ComposeApp.healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", "
                        + "\"/dev/null\", \"http://127.0.0.1:8080/ready\"]", "60s") + "volumes:\n  data: {}\n");
        app.upWithDockerCompose();
        podman("exec", app.project() + "_web_1", "/bin/busybox", "sh", "-c", "echo kept > /data/keep");
        site = NginxSite.withServer(TARGET.get(), "bg-" + app.project(), "    location /api/ {\n        proxy_pass http://127.0.0.1:" + app.port()
                + "/;\n    }\n");
        assertThat(site.awaitBody("/api/", "v1\n").status()).isEqualTo(200);
    }

    @AfterAll
    static void removeIt() {
        if (app != null) {
            app.close();
            LocalTarget.run(List.of("podman", "volume", "rm", "-f", app.project() + "_data"), Duration.ofMinutes(1), null,
                    Map.of("DOCKER_HOST", TARGET.get().get("DOCKER_HOST")), false);
        }
        if (site != null) {
            site.close();
        }
    }

    private static String podman(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return LocalTarget.run(command, Duration.ofMinutes(1), null, Map.of(), true);
    }

    private static String nextVersion() {
        String v = "v" + (10 + ++versions);
        app.version(v);
        return v;
    }

    private static Map<String, Object> params(Object... more) {
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

    /** A deploy with a request loop through nginx every 50 ms; the loop's failures are counted. */
    private record Observed(StepHarness.Run run, int requests, int failed) {}

    private static Observed deploy(Map<String, Object> params) throws Exception {
        return deploy(params, new io.jenkins.plugins.deploysteps.testing.Recording());
    }

    private static Observed deploy(Map<String, Object> params, io.jenkins.plugins.deploysteps.testing.Recording log) throws Exception {
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
            StepHarness.Run run = new StepHarness(TARGET.get(), tmp.resolve("reports"), NginxSite.hostDefaults(TARGET.get()))
                    .run(new ComposeDeploy(), params, "blue-green", log);
            return new Observed(run, requests.get(), failed.get());
        } finally {
            done.set(true);
            loop.join(10_000);
        }
    }

    private static List<String> copies() {
        return LocalTarget.run(List.of("podman", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + app.project() + "-next"),
                Duration.ofMinutes(1)).lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void aReleaseIsSwitchedWithoutOneFailedRequestAndTheDataVolumeSurvives() throws Exception {
        String site0 = site.sha256();
        String v = nextVersion();

        Observed o = deploy(params());

        StepHarness.Run run = o.run();
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.report().checks()).extracting(Check::name).containsSubsequence("backup", "compose build", BlueGreen.START,
                "new copy: service web-next is up", "new copy: GET http://127.0.0.1:" + app.port() + "/feature.txt", "prepare " + site.file(),
                Switch.TO_NEW, "compose up", "service web is up", Switch.BACK, BlueGreen.REMOVE, "downtime " + site.url("/api/"));
        assertThat(o.requests()).isGreaterThan(20);
        assertThat(o.failed()).as("requests through nginx that failed during the deploy").isZero();
        assertThat(run.report().fact(DowntimeProbe.FAILED)).isEqualTo("0");
        assertThat(app.http()).isEqualTo(v);
        assertThat(site.get("/api/").body().strip()).isEqualTo(v);
        assertThat(site.sha256()).as("the site is back as it was, byte for byte").isEqualTo(site0);
        assertThat(podman("exec", app.project() + "_web_1", "/bin/busybox", "cat", "/data/keep").strip()).isEqualTo("kept");
        assertThat(copies()).isEmpty();
        assertThat(Path.of("/tmp/deploy-steps-" + app.project() + "-next.yml")).doesNotExist();
        assertThat(Path.of(SiteSwitchPaths.lock(site.file().toString()))).doesNotExist();
        assertThat(app.dir().resolve(".deploy-steps.lock")).doesNotExist();
    }

    @Test
    void aNewVersionThatNeverGetsHealthyLeavesTheOldOneServingAndTheSiteUntouched() throws Exception {
        assertOldVersionKept(params("waitTimeout", "6s"), () -> app.neverReady(), () -> app.write("www/ready", "ready\n"),
                "new copy: service web-next is up");
    }

    @Test
    void aNewVersionThatFailsAVerifyCheckIsNeverSwitchedTo() throws Exception {
        Path feature = app.dir().resolve("www/feature.txt");
        assertOldVersionKept(params(), () -> delete(feature), () -> app.write("www/feature.txt", "feature\n"),
                "new copy: GET http://127.0.0.1:" + app.port() + "/feature.txt");
    }

    @Test
    void aProbeThatFailsAfterTheSwitchPutsTheSiteBack() throws Exception {
        Path probe = app.dir().resolve("www/probe.txt");
        assertOldVersionKept(params(), () -> delete(probe), () -> app.write("www/probe.txt", "probe\n"),
                "probe " + site.url("/api/probe.txt") + " (" + site.file() + ")");
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
        List<String> containers = app.containerIds();
        String site0 = site.sha256();
        String serving = app.http();
        nextVersion();

        StepHarness.Run run = deploy(params("dryRun", true)).run();

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.log().text()).contains("(dry run, not run) $ cd /tmp && docker-compose -p " + app.project() + "-next -f /tmp/deploy-steps-"
                + app.project() + "-next.yml up -d --no-build web-next").contains("(dry run, not run) compose up\n[local] $ cd " + app.dir() + " && docker-compose -p "
                + app.project() + " -f docker-compose.yml up -d --no-build --no-deps --force-recreate web");
        assertThat(run.check(Switch.TO_NEW).message()).startsWith("dry run: would point " + site.file() + " at web (port " + app.port() + " → ");
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(site.sha256()).isEqualTo(site0);
        assertThat(app.http()).isEqualTo(serving);
        assertThat(copies()).isEmpty();
    }

    @Test
    void aConnectionDroppedWhileTheCopyStartsLeavesTheOldVersionServingAndNothingBehind() throws Exception {
        assertOldVersionKept(params("waitTimeout", "90s"), () -> app.neverReady(), () -> app.write("www/ready", "ready\n"),
                "new copy: service web-next is up", "waiting for web-next");
    }

    @Test
    void aConnectionDroppedAfterTheSwitchRollsBackUnderTheCopysCoverAndSwitchesBack() throws Exception {
        String site0 = site.sha256();
        String serving = app.http();
        nextVersion();
        Observed o = deployDroppingTheConnection(params("stableFor", "4s"), "waiting for web:");
        StepHarness.Run run = o.run();
        assertThat(run.check("service web is up").status()).as(run.log().text()).isEqualTo(Status.ERROR);
        assertThat(run.report().checks()).extracting(Check::name).contains("reconnect to local", "rollback: compose up", Switch.BACK,
                BlueGreen.REMOVE);
        assertThat(run.report().checks().stream().filter(c -> c.name().startsWith("rollback: ")).map(Check::status))
                .as(run.log().text()).allMatch(st -> st == Status.PASS);
        assertThat(run.check(Switch.BACK).status()).isEqualTo(Status.PASS);
        assertThat(run.check(BlueGreen.REMOVE).status()).isEqualTo(Status.PASS);
        assertThat(o.failed()).as("requests through nginx that failed").isZero();
        assertThat(app.http()).as("the old version, rolled back").isEqualTo(serving);
        assertThat(site.sha256()).isEqualTo(site0);
        assertThat(copies()).isEmpty();
        assertThat(Path.of(SiteSwitchPaths.lock(site.file().toString()))).doesNotExist();
        assertThat(app.dir().resolve(".deploy-steps.lock")).as("released over the new connection").doesNotExist();
    }

    /** Runs a deploy and kills its SSH sessions (as a dropped network would) once the log shows {@code marker}. */
    private static Observed deployDroppingTheConnection(Map<String, Object> params, String marker) throws Exception {
        long sshd = Long.parseLong(TARGET.get().get("SSHD_PID"));
        java.time.Instant started = java.time.Instant.now();
        io.jenkins.plugins.deploysteps.testing.Recording log = new io.jenkins.plugins.deploysteps.testing.Recording();
        java.util.concurrent.CompletableFuture<Observed> deploy = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return deploy(params, log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!log.text().contains(marker) && System.nanoTime() < deadline && !deploy.isDone()) {
            Thread.sleep(50);
        }
        assertThat(log.text()).contains(marker);
        List<ProcessHandle> sessions = ProcessHandle.of(sshd).orElseThrow().children()
                .filter(p -> p.info().startInstant().map(t -> t.isAfter(started.minusSeconds(1))).orElse(false)).toList();
        assertThat(sessions).isNotEmpty();
        sessions.forEach(ProcessHandle::destroyForcibly);
        return deploy.get(4, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void aComposeCommandThatCannotPrintTheProjectIsRefusedBeforeAnythingChanges() throws Exception {
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();
        String site0 = site.sha256();

        StepHarness.Run run = deploy(params("composeCommand", "podman-compose")).run();

        Check refused = run.check("strategy blue-green");
        assertThat(refused.status()).isEqualTo(Status.FAIL);
        assertThat(refused.message()).startsWith("podman-compose cannot print the resolved project (it has no config command)");
        assertThat(run.check("backup").status()).isEqualTo(Status.SKIP);
        assertThat(run.check(Switch.TO_NEW).status()).isEqualTo(Status.SKIP);
        assertThat(run.log().text()).doesNotContain("$ cd " + app.dir() + " && podman-compose");
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(site.sha256()).isEqualTo(site0);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertOldVersionKept(Map<String, Object> params, Runnable breakIt, Runnable fixIt, String failingCheck) throws Exception {
        assertOldVersionKept(params, breakIt, fixIt, failingCheck, null);
    }

    /** @param dropAt null, or the log text at which the deploy's SSH sessions are killed */
    private static void assertOldVersionKept(Map<String, Object> params, Runnable breakIt, Runnable fixIt, String failingCheck, String dropAt)
            throws Exception {
        List<String> containers = app.containerIds();
        String site0 = site.sha256();
        String serving = app.http();
        nextVersion();
        breakIt.run();
        Observed o;
        try {
            o = dropAt == null ? deploy(params) : deployDroppingTheConnection(params, dropAt);
        } finally {
            fixIt.run();
        }
        StepHarness.Run run = o.run();
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.FAILURE);
        assertThat(run.check(failingCheck).status()).as(run.log().text()).isIn(Status.FAIL, Status.ERROR);
        assertThat(run.check(BlueGreen.REMOVE).status()).isEqualTo(Status.PASS);
        assertThat(o.failed()).as("requests through nginx that failed").isZero();
        assertThat(app.containerIds()).as("the old containers never stopped").isEqualTo(containers);
        assertThat(app.http()).isEqualTo(serving);
        assertThat(site.sha256()).as("the site file byte-identical").isEqualTo(site0);
        assertThat(copies()).isEmpty();
        assertThat(Path.of(SiteSwitchPaths.lock(site.file().toString()))).doesNotExist();
    }

    /** Where nginxRoute's lock for a site lives. */
    private static final class SiteSwitchPaths {
        static String lock(String site) {
            return io.jenkins.plugins.deploysteps.engine.nginx.SiteSwitch.lockPath(site);
        }
    }
}
