package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * composeDeploy end to end against the real local target: sshd, the podman API service driven by the real
 * docker CLI and docker-compose over SSH, and podman-compose. Every app is a real compose project that
 * answers HTTP on 127.0.0.1; "nothing changed" is checked with file checksums and container ids.
 */
class ComposeDeployTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    private static final String RUN_FAILS = "RUN [\"/bin/busybox\", \"false\"]";

    @TempDir
    Path tmp;

    private final List<ComposeApp> apps = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestsCreated() {
        apps.forEach(ComposeApp::close);
    }

    private ComposeApp app() {
        ComposeApp a = ComposeApp.create(TARGET.get(), tmp);
        apps.add(a);
        return a;
    }

    private StepHarness.Run deploy(Map<String, Object> params) throws Exception {
        return new StepHarness(TARGET.get(), tmp.resolve("reports")).run(new ComposeDeploy(), params, "test deploy");
    }

    private static List<Status> statuses(StepHarness.Run run, String prefix) {
        return run.report().checks().stream().filter(c -> c.name().startsWith(prefix)).map(Check::status).toList();
    }

    @Test
    void aDeployWithDockerComposeReplacesTheContainersVerifiesThemAndKeepsTheLogs() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        List<String> before = app.containerIds();
        String head = git(app, "init", "-q") + git(app, "add", "-A") + git(app, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v2");
        String revision = git(app, "rev-parse", "HEAD").strip();
        app.version("v2");

        StepHarness.Run run = deploy(app.params("requiredEnv", List.of("DATABASE_URL", "JWT_SECRET"), "expectRevision", revision.substring(0, 10),
                "minFreeDisk", "10MB", "minFreeMemory", "1MB", "verbose", true));

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.report().checks()).extracting(Check::name).containsExactly("connect to local", "compose files in " + app.dir(),
                "compose command", "compose config", "free disk on " + app.dir(), "available memory", "required env keys", "revision",
                "lock " + app.dir(), "published ports are free", "backup", "compose build", "compose up", "service web is up",
                "image of web rebuilt", "logs of web");
        assertThat(run.check("compose command").actual()).as("no docker compose v2 here: auto falls back").startsWith("docker-compose (");
        assertThat(run.check("compose command").message()).startsWith("docker-compose (").endsWith("), detected");
        assertThat(run.check("published ports are free").actual()).contains("held by this project: " + app.port() + "/tcp");
        assertThat(run.check("required env keys").message()).isEqualTo("DATABASE_URL, JWT_SECRET set (values not read)");
        assertThat(run.check("revision").actual()).isEqualTo(revision + " (git HEAD)");
        assertThat(app.http()).isEqualTo("v2");
        List<String> after = app.containerIds();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(run.check("service web is up").actual()).contains("running, healthy");
        assertThat(run.check("logs of web").evidence()).singleElement().satisfies(e -> assertThat(e.text()).contains("response:200"));
        assertThat(run.log().text()).contains("[local] $ cd " + app.dir() + " && docker-compose -p " + app.project()
                + " -f docker-compose.yml build --no-cache web").contains("[local] | STEP 1/6: FROM scratch");
        String backupId = run.report().fact("backup");
        assertThat(backupId).matches("\\d{8}T\\d{6}Z(-\\d\\d)?");
        assertThat(run.report().facts().get("backups")).isEqualTo(java.util.List.of(backupId));
        assertThat(app.backups().resolve(backupId + "/files/1")).hasSameBinaryContentAs(app.dir().resolve("docker-compose.yml"));
        assertThat(app.dir().resolve(".deploy-steps.lock")).doesNotExist();
        assertThat(Path.of(run.result().files().html())).exists();
        assertThat(head).isEmpty();
    }

    private static String git(ComposeApp app, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", app.dir().toString()));
        command.addAll(List.of(args));
        return LocalTarget.run(command, Duration.ofSeconds(30));
    }

    @Test
    void podmanComposeDeploysAndRollsBackABuildItReportsOnlyInItsOutput() throws Exception {
        ComposeApp app = app();
        StepHarness.Run first = deploy(app.params("composeCommand", "podman-compose"));
        assertThat(first.report().verdict().outcome()).as(first.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(first.check("compose command").actual()).startsWith("podman-compose (");
        assertThat(first.check("image of web rebuilt").message()).isEqualTo("first deploy of web");
        assertThat(first.report().checks()).extracting(Check::name).doesNotContain("compose config");
        assertThat(app.http()).isEqualTo("v1");

        app.version("v2").dockerfile(app.dockerfileText(RUN_FAILS));
        StepHarness.Run broken = deploy(app.params("composeCommand", "podman-compose", "strategy", "recreate"));
        assertThat(broken.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(broken.check("compose build").status()).isEqualTo(Status.FAIL);
        assertThat(broken.check("compose build").message()).startsWith("compose build failed (exit 1)");
        assertThat(statuses(broken, "rollback: ")).as(broken.log().text()).isNotEmpty().allMatch(s -> s == Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void aBuildFailureRollsBackToThePreviousVersionWhichStillAnswers() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2").dockerfile(app.dockerfileText(RUN_FAILS));
        String compose = Files.readString(app.dir().resolve("docker-compose.yml"));
        String env = Files.readString(app.dir().resolve(".env"));

        StepHarness.Run run = deploy(app.params("strategy", "recreate"));

        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(run.report().verdict().reason()).startsWith("1 check failed: compose build");
        assertThat(run.check("compose build").evidence()).singleElement().satisfies(e -> assertThat(e.text()).contains("RUN [\"/bin/busybox\", \"false\"]"));
        assertThat(run.check("service web is up").status()).isEqualTo(Status.SKIP);
        assertThat(run.report().checks()).extracting(Check::name).contains("rollback: restore files", "rollback: restore images",
                "rollback: compose down", "rollback: compose up", "rollback: service web is up", "rollback: logs of web");
        assertThat(statuses(run, "rollback: ")).allMatch(s -> s == Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
        assertThat(Files.readString(app.dir().resolve(".env"))).isEqualTo(env);
        assertThat(Files.readString(app.dir().resolve("docker-compose.yml"))).isEqualTo(compose);
        assertThat(run.report().facts()).containsEntry("rollback", "rolled back to backup " + run.report().fact("backup"));
        assertThat(app.dir().resolve(".deploy-steps.lock")).doesNotExist();
    }

    @Test
    void aContainerThatExitsRightAfterStartIsRolledBack() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2").dockerfile(app.dockerfileText("CMD [\"/bin/busybox\", \"sh\", \"-c\", \"echo starting; exit 3\"]"));

        StepHarness.Run run = deploy(app.params());

        Check up = run.check("service web is up");
        assertThat(up.status()).isEqualTo(Status.FAIL);
        assertThat(up.message()).isEqualTo(app.project() + "_web_1 exited with code 3");
        assertThat(run.check("logs of web").evidence().get(0).text()).contains("starting");
        assertThat(statuses(run, "rollback: ")).as(run.log().text()).allMatch(s -> s == Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void aHealthcheckThatNeverPassesTimesOutAndIsRolledBack() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2").neverReady();

        long t0 = System.nanoTime();
        StepHarness.Run run = deploy(app.params("waitTimeout", "6s"));

        Check up = run.check("service web is up");
        assertThat(up.status()).isEqualTo(Status.FAIL);
        assertThat(up.message()).isEqualTo("not up after 6s (waitTimeout): " + app.project() + "_web_1 health: starting");
        assertThat(up.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMinutes(3));
        assertThat(statuses(run, "rollback: ")).as(run.log().text()).allMatch(s -> s == Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void aMissingRequiredEnvKeyFailsPreflightAndStopsNothing() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();

        StepHarness.Run run = deploy(app.params("requiredEnv", List.of("DATABASE_URL", "STRIPE_KEY", "EMPTY")));

        Check env = run.check("required env keys");
        assertThat(env.status()).isEqualTo(Status.FAIL);
        assertThat(env.message()).isEqualTo("missing: STRIPE_KEY; empty: EMPTY");
        assertThat(env.actual()).isEqualTo("DATABASE_URL set");
        assertThat(run.check("lock " + app.dir()).status()).isEqualTo(Status.SKIP);
        assertThat(run.check("compose up").message()).isEqualTo("preflight failed: nothing was changed");
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void aWrongRevisionFailsPreflightAndChangesNothing() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.write("REVISION", "1111111aaaa\n");
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();

        StepHarness.Run run = deploy(app.params("expectRevision", "2222222bbbb"));

        Check revision = run.check("revision");
        assertThat(revision.status()).isEqualTo(Status.FAIL);
        assertThat(revision.actual()).isEqualTo("1111111aaaa (REVISION file)");
        assertThat(revision.message()).contains("not 2222222bbbb: sync the code before deploying");
        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
    }

    @Test
    void aRevisionFileInsideAGitCheckoutIsWhatTheRevisionCheckReads() throws Exception {
        ComposeApp app = app();
        String head = git(app, "init", "-q") + git(app, "add", "-A") + git(app, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1");
        String commit = git(app, "rev-parse", "HEAD").strip();
        app.write("REVISION", "feedface1234\n");
        Map<String, String> files = app.fileChecksums();

        StepHarness.Run run = deploy(app.params("expectRevision", commit));

        Check revision = run.check("revision");
        assertThat(revision.status()).isEqualTo(Status.FAIL);
        assertThat(revision.actual()).as("what a sync wrote, not the checkout's HEAD").isEqualTo("feedface1234 (REVISION file)");
        assertThat(revision.message()).contains("is feedface1234 (REVISION file), not " + commit);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(app.containerIds()).isEmpty();
        assertThat(head).isEmpty();
    }

    @Test
    void aPortHeldBySomethingElseFailsPreflightAndNothingIsCreated() throws Exception {
        ComposeApp app = app();
        try (ServerSocket squatter = new ServerSocket(app.port(), 5, InetAddress.getLoopbackAddress())) {
            StepHarness.Run run = deploy(app.params());
            Check ports = run.check("published ports are free");
            assertThat(ports.status()).isEqualTo(Status.FAIL);
            assertThat(ports.message()).isEqualTo("port already in use by something outside project " + app.project() + ": 127.0.0.1:"
                    + app.port() + "/tcp (something listens on 127.0.0.1:" + app.port() + ")");
            assertThat(ports.evidence()).singleElement().satisfies(e -> assertThat(e.text()).contains("java"));
            assertThat(app.containerIds()).isEmpty();
            assertThat(squatter.isBound()).isTrue();
        }
    }

    @Test
    void aConcurrentDeployWaitsForTheLockAndOneThatWillNotWaitFailsNamingTheHolder() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2");
        Recording logA = new Recording();
        StepHarness harness = new StepHarness(TARGET.get(), tmp.resolve("reports"));
        CompletableFuture<StepHarness.Run> a = CompletableFuture.supplyAsync(() -> {
            try {
                return harness.run(new ComposeDeploy(), app.params("stableFor", "3s"), "deploy A", logA);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!logA.text().contains("lock " + app.dir() + "/.deploy-steps.lock ... ok") && System.nanoTime() < deadline && !a.isDone()) {
            Thread.sleep(50);
        }
        assertThat(logA.text()).contains("lock " + app.dir() + "/.deploy-steps.lock ... ok");

        StepHarness.Run impatient = harness.run(new ComposeDeploy(), app.params("lockTimeout", "1s"), "deploy C");
        Check lock = impatient.check("lock " + app.dir());
        assertThat(lock.status()).isEqualTo(Status.FAIL);
        assertThat(lock.message()).startsWith(app.dir() + "/.deploy-steps.lock on local is held by deploy A since ")
                .endsWith("gave up after waiting 1s (lockTimeout)");
        assertThat(impatient.check("compose up").status()).isEqualTo(Status.SKIP);

        StepHarness.Run b = harness.run(new ComposeDeploy(), app.params("lockTimeout", "3m"), "deploy B");
        StepHarness.Run first = a.get(3, TimeUnit.MINUTES);
        assertThat(first.report().verdict().outcome()).as(first.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(b.report().verdict().outcome()).as(b.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(b.log().text()).contains("waiting for " + app.dir() + "/.deploy-steps.lock, held by deploy A");
        assertThat(b.report().startedAt().plus(b.report().duration())).isAfter(first.report().startedAt().plus(first.report().duration()));
        assertThat(app.http()).isEqualTo("v2");
    }

    @Test
    void aLostConnectionIsReportedAndTheDeployReconnectsToRollBackAndReleaseTheLock() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2").neverReady();
        long sshd = Long.parseLong(TARGET.get().get("SSHD_PID"));
        java.time.Instant started = java.time.Instant.now();
        Recording log = new Recording();
        CompletableFuture<StepHarness.Run> deploy = CompletableFuture.supplyAsync(() -> {
            try {
                return new StepHarness(TARGET.get(), tmp.resolve("reports")).run(new ComposeDeploy(), app.params("waitTimeout", "90s"), "lost", log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!log.text().contains("waiting for web") && System.nanoTime() < deadline && !deploy.isDone()) {
            Thread.sleep(50);
        }
        // The sessions the deploy opened are the sshd children started since it began: kill them, as a dropped network would.
        List<ProcessHandle> sessions = ProcessHandle.of(sshd).orElseThrow().children()
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(started.minusSeconds(1))).orElse(false)).toList();
        assertThat(sessions).isNotEmpty();
        sessions.forEach(ProcessHandle::destroyForcibly);

        StepHarness.Run run = deploy.get(3, TimeUnit.MINUTES);
        Check up = run.check("service web is up");
        assertThat(up.status()).isEqualTo(Status.ERROR);
        assertThat(up.message()).startsWith("connection to local lost");
        assertThat(run.check("reconnect to local").status()).isEqualTo(Status.PASS);
        assertThat(statuses(run, "rollback: ")).as(run.log().text()).allMatch(s -> s == Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
        assertThat(app.dir().resolve(".deploy-steps.lock")).as("released over the new connection").doesNotExist();
        assertThat(run.log().text()).contains("unlock " + app.dir() + "/.deploy-steps.lock ... ok");
    }

    @Test
    void aDryRunChecksEverythingPrintsTheChangesAndChangesNothing() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();
        app.version("v2");
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();

        StepHarness.Run run = deploy(app.params("dryRun", true, "requiredEnv", List.of("DATABASE_URL")));

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.check("required env keys").status()).isEqualTo(Status.PASS);
        assertThat(run.check("published ports are free").status()).isEqualTo(Status.PASS);
        for (String change : List.of("backup", "compose build", "compose up", "service web is up")) {
            assertThat(run.check(change).status()).as(change).isEqualTo(Status.SKIP);
        }
        assertThat(run.log().text()).contains("[local] (dry run, not run) compose up\n[local] $ cd " + app.dir() + " && docker-compose -p "
                + app.project() + " -f docker-compose.yml up -d --no-build --force-recreate --remove-orphans").doesNotContain(" down");
        assertThat(run.report().warnings()).anyMatch(w -> w.startsWith("dry run"));
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void theHostsComposeCommandIsTheDefaultTheStepsOwnWinsAndAnUnknownOneIsAnError() throws Exception {
        ComposeApp app = app();
        Map<String, Object> dry = app.params("dryRun", true);
        StepHarness podmanHost = new StepHarness(TARGET.get(), tmp.resolve("reports"), HostStepDefaults.parse("podman-compose", null, null));
        Check fromHost = podmanHost.run(new ComposeDeploy(), dry, "host default").check("compose command");
        assertThat(fromHost.status()).isEqualTo(Status.PASS);
        assertThat(fromHost.message()).startsWith("podman-compose (").endsWith("), from the host's composeCommand");
        StepHarness.Run own = podmanHost.run(new ComposeDeploy(), app.params("dryRun", true, "composeCommand", "docker-compose"), "own");
        assertThat(own.check("compose command").message()).endsWith("), from composeCommand");
        assertThat(own.log().text()).contains("] $ cd " + app.dir() + " && docker-compose -p ");
        // A host whose compose command no step could use is refused with the host list, before any step connects.
        assertThatThrownBy(() -> HostStepDefaults.parse("compose-ng", null, null)).isInstanceOf(SpecException.class)
                .hasMessage("composeCommand: 'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'");
        assertThat(app.containerIds()).isEmpty();
    }

    @Test
    void envValuesNeverReachTheLogOrTheReportsEvenWithNothingRegisteredWithTheMasker() throws Exception {
        ComposeApp app = app();
        StepHarness.Run ok = deploy(app.params("requiredEnv", List.of("DATABASE_URL", "JWT_SECRET")));
        assertThat(ok.report().verdict().outcome()).as(ok.log().text()).isEqualTo(Outcome.SUCCESS);
        app.version("v2").dockerfile(app.dockerfileText(RUN_FAILS));
        StepHarness.Run failed = deploy(app.params("requiredEnv", List.of("DATABASE_URL", "JWT_SECRET")));
        assertThat(failed.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        StepHarness.Run preflight = deploy(app.params("requiredEnv", List.of("DATABASE_URL", "NOT_THERE"), "dryRun", true));
        assertThat(preflight.check("required env keys").status()).isEqualTo(Status.FAIL);

        for (StepHarness.Run run : List.of(ok, failed, preflight)) {
            String everything = run.everything();
            for (String secret : ComposeApp.secretValues()) {
                assertThat(run.log().masker().mask(secret)).as("not registered: nothing could mask it").isEqualTo(secret);
                assertThat(everything).doesNotContain(secret);
            }
            assertThat(everything).contains("DATABASE_URL");
        }
    }

    @Test
    void anUnchangedImageWarnsAndTheGateMakesTheBuildUnstable() throws Exception {
        ComposeApp app = app();
        app.upWithDockerCompose();

        StepHarness.Run cached = deploy(app.params("noCache", false, "verbose", true)); // verbose: the log shows the build command

        Check image = cached.check("image of web rebuilt");
        assertThat(image.status()).as(cached.log().text()).isEqualTo(Status.WARN);
        assertThat(image.message()).isEqualTo("image unchanged: is the code synced?");
        assertThat(cached.report().verdict().outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(cached.log().text()).contains("build web").doesNotContain("--no-cache");
        assertThat(statuses(cached, "rollback: ")).as("a warning is no failure: no rollback").isEmpty();

        StepHarness.Run soft = deploy(app.params("requiredEnv", List.of("NOT_THERE"), "onFailure", "UNSTABLE"));
        assertThat(soft.report().verdict().outcome()).isEqualTo(Outcome.UNSTABLE);
    }
}
