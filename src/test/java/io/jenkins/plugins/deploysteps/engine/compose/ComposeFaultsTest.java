package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * composeDeploy when things nobody planned for happen, against the real local target: a log pattern that backtracks
 * for minutes, an exception thrown at each phase of the deploy, a rollback whose {@code compose down} fails. Each ends
 * with the report written, the lock released and, after a change began, the previous version back.
 */
class ComposeFaultsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    @TempDir
    Path tmp;

    private final List<ComposeApp> apps = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestsCreated() {
        apps.forEach(ComposeApp::close);
    }

    private ComposeApp runningApp() {
        ComposeApp a = ComposeApp.create(TARGET.get(), tmp);
        apps.add(a);
        a.upWithDockerCompose();
        return a;
    }

    private StepHarness.Run deploy(Map<String, Object> params, Predicate<String> when, FaultyTarget.Fault fault) throws Exception {
        return new StepHarness(TARGET.get(), tmp.resolve("reports")).wrapping(t -> new FaultyTarget(t, when, fault))
                .run(new ComposeDeploy(), params, "fault test");
    }

    private static FaultyTarget.Fault thrown(RuntimeException e) {
        return (command, real) -> {
            throw e;
        };
    }

    private static void assertReportedAndUnlocked(StepHarness.Run run, ComposeApp app) {
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.FAILURE);
        assertThat(Path.of(run.result().files().json())).exists();
        assertThat(app.dir().resolve(".deploy-steps.lock")).as("lock released").doesNotExist();
    }

    private static void assertRolledBack(StepHarness.Run run, ComposeApp app) {
        assertThat(run.report().checks()).extracting(Check::name).contains("rollback: compose up", "rollback: service web is up");
        assertThat(run.check("rollback: service web is up").status()).as(run.log().text()).isEqualTo(Status.PASS);
        assertThat(app.http()).isEqualTo("v1");
    }

    @Test
    void aBuildPastComposeTimeoutSaysThatOnlyTheComposeClientWasStopped() throws Exception {
        ComposeApp app = runningApp();
        String before = app.http();
        // podman's service builds on after its client is killed; 20 s is long enough to outlast the timeout, short enough to end soon after
        app.version("v2").dockerfile(app.dockerfileText("RUN [\"/bin/busybox\", \"sleep\", \"20\"]", "CMD [\"/bin/sh\", \"-c\", "
                + "\"trap 'exit 0' TERM; /bin/busybox httpd -f -v -p 8080 -h /www & wait\"]"));
        StepHarness.Run run = new StepHarness(TARGET.get(), tmp.resolve("reports")).run(new ComposeDeploy(), app.params("composeTimeout", "4s"),
                "build timeout test");
        assertReportedAndUnlocked(run, app);
        Check build = run.check("compose build");
        assertThat(build.status()).isEqualTo(Status.ERROR);
        assertThat(build.message()).contains("did not finish within its timeout of 4s")
                .contains("only the docker compose client was stopped: a build, pull or container start it had asked the container engine for "
                        + "may still be running on the host");
        assertThat(app.http()).as("the old version still serves").isEqualTo(before);
        assertThat(io.jenkins.plugins.deploysteps.testing.LocalTarget.run(List.of("pgrep", "-f", "busybox sleep 20"), java.time.Duration.ofSeconds(10)))
                .as("the build goes on, as the message says").isNotBlank();
        Thread.sleep(20_000); // let the abandoned build end before the app's images are removed
    }

    @Test
    void aBacktrackingLogPatternIsAnErrorNamingItAndTheDeployRollsBack() throws Exception {
        ComposeApp app = runningApp();
        // the new version logs a 33-character line that (.*a){20}$ takes minutes to reject
        app.version("v2").dockerfile(app.dockerfileText("CMD [\"/bin/sh\", \"-c\", \"echo " + "a".repeat(32) + "b; trap 'exit 0' TERM; "
                + "/bin/busybox httpd -f -v -p 8080 -h /www & wait\"]"));
        long started = System.nanoTime();
        StepHarness.Run run = new StepHarness(TARGET.get(), tmp.resolve("reports"))
                .run(new ComposeDeploy(), app.params("failOnLogPattern", List.of("(.*a){20}$")), "pattern test");
        assertReportedAndUnlocked(run, app);
        Check logs = run.check("logs of web");
        assertThat(logs.status()).isEqualTo(Status.ERROR);
        assertThat(logs.message()).isEqualTo("failOnLogPattern: the pattern '(.*a){20}$' took longer than 1s (catastrophic backtracking): simplify it");
        assertRolledBack(run, app);
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds").isLessThan(120);
    }

    @Test
    void anExceptionInsideACheckAfterTheChangeBeganIsAnErrorAndTheDeployRollsBack() throws Exception {
        ComposeApp app = runningApp();
        app.version("v2");
        // the deploy's compose up, which replaces the old containers (build-first runs it after the build)
        StepHarness.Run run = deploy(app.params(), cmd -> cmd.contains(" up -d --no-build --force-recreate"),
                thrown(new ArithmeticException("long overflow")));
        assertReportedAndUnlocked(run, app);
        assertThat(run.check("compose up").status()).isEqualTo(Status.ERROR);
        assertThat(run.check("compose up").message()).startsWith("unexpected error: ArithmeticException: long overflow");
        assertRolledBack(run, app);
    }

    @Test
    void anExceptionBetweenChecksAfterUpStillRollsBack() throws Exception {
        ComposeApp app = runningApp();
        app.version("v2");
        AtomicBoolean upRan = new AtomicBoolean();
        // the first container-state read after up: verification's own code, outside any one command's check
        StepHarness.Run run = deploy(app.params(), cmd -> {
            if (cmd.contains(" up ") || cmd.endsWith(" up") || cmd.contains(" up -d")) {
                upRan.set(true);
                return false;
            }
            return upRan.get() && cmd.contains("ps -aq");
        }, thrown(new IllegalStateException("injected after up")));
        assertReportedAndUnlocked(run, app);
        assertThat(run.report().checks()).filteredOn(c -> c.status() == Status.ERROR).extracting(Check::message)
                .anySatisfy(m -> assertThat(m).startsWith("unexpected error: IllegalStateException: injected after up"));
        assertRolledBack(run, app);
    }

    @Test
    void anExceptionBeforeAnyChangeLeavesTheHostAsItWasWithTheReportWritten() throws Exception {
        ComposeApp app = runningApp();
        app.version("v2");
        List<String> before = app.containerIds();
        Map<String, String> files = app.fileChecksums();
        AtomicBoolean locked = new AtomicBoolean();
        // the first container read under the lock (the published-ports check), before anything changes
        StepHarness.Run run = deploy(app.params(), cmd -> {
            if (cmd.contains(".deploy-steps.lock")) {
                locked.set(true);
                return false;
            }
            return locked.get() && cmd.contains("ps -aq");
        }, thrown(new IllegalStateException("injected under the lock")));
        assertReportedAndUnlocked(run, app);
        assertThat(run.report().checks()).filteredOn(c -> c.status() == Status.ERROR).singleElement()
                .satisfies(c -> assertThat(c.message()).startsWith("unexpected error: IllegalStateException: injected under the lock"));
        assertThat(run.check("compose up").status()).isEqualTo(Status.SKIP);
        assertThat(run.report().checks()).extracting(Check::name).noneMatch(n -> n.startsWith("rollback: "));
        assertThat(app.containerIds()).isEqualTo(before);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(Files.readString(Path.of(run.result().files().json()))).contains("injected under the lock");
    }

    @Test
    void aRollbackWhoseComposeDownFailsRemovesTheContainersAndStillStartsThePreviousVersion() throws Exception {
        ComposeApp app = runningApp();
        app.version("v2").neverReady();
        // the rollback's down (the deploy itself runs none) fails the way podman does when a restart policy races it
        StepHarness.Run run = deploy(app.params("waitTimeout", "5s"), cmd -> cmd.contains(" down"), (command, real) -> new ExecResult(1, new byte[0],
                "Error: network app_default has associated containers with it. Use -f to forcibly delete containers and pods: network is being used\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Duration.ofMillis(5)));
        assertReportedAndUnlocked(run, app);
        assertThat(run.check("rollback: compose down").status()).isEqualTo(Status.FAIL);
        assertThat(run.check("rollback: remove containers").status()).as(run.log().text()).isEqualTo(Status.PASS);
        assertThat(run.check("rollback: compose up").status()).isEqualTo(Status.PASS);
        assertRolledBack(run, app);
        assertThat(run.report().fact("rollback")).startsWith("rolled back to backup");
    }
}
