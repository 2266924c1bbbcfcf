package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static BlueGreenApp bg;
    private static ComposeApp app;
    private static NginxSite site;

    @BeforeAll
    static void appBehindNginx() {
        bg = BlueGreenApp.start(TARGET.get(), tmp);
        app = bg.app;
        site = bg.site;
    }

    @AfterAll
    static void removeIt() {
        if (bg != null) {
            bg.close();
        }
    }

    @Test
    void aReleaseIsSwitchedWithoutOneFailedRequestAndTheDataVolumeSurvives() throws Exception {
        String site0 = site.sha256();
        String v = bg.nextVersion();

        BlueGreenApp.Observed o = bg.deploy(bg.params());

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
        assertThat(BlueGreenApp.podman("exec", app.project() + "_web_1", "/bin/busybox", "cat", "/data/keep").strip()).isEqualTo("kept");
        assertThat(bg.copies()).isEmpty();
        assertThat(Path.of("/tmp/deploy-steps-" + app.project() + "-next.yml")).doesNotExist();
        assertThat(bg.siteLock()).doesNotExist();
        assertThat(app.dir().resolve(".deploy-steps.lock")).doesNotExist();
    }

    @Test
    void eachSideDrainsForDrainTimeFromNginxsReloadWithTheProbesAfterItCountingIn() throws Exception {
        String v = bg.nextVersion();
        Duration drain = Duration.ofSeconds(2);
        // a check's PASS line comes a moment after the reload it reports returned
        Duration atLeast = drain.minusMillis(100);

        BlueGreenApp.Observed o = bg.deploy(bg.params("drainTime", "2s"));

        StepHarness.Run run = o.run();
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(app.http()).isEqualTo(v);
        String probe = "[PASS] probe " + site.url("/api/probe.txt") + " (" + site.file() + ")";
        // the old containers: nginx moved away from them when the switch passed (its reload had returned), then the probe settled
        long movedAway = at(run, 0, "[PASS] " + Switch.TO_NEW);
        long probed = at(run, movedAway, probe);
        long recreated = at(run, probed, "[local] compose up ...");
        assertThat(Duration.ofNanos(recreated - movedAway)).as("the old containers' drain, from the reload").isGreaterThanOrEqualTo(atLeast);
        assertThat(Duration.ofNanos(recreated - probed)).as("the probe's settling is part of the drain").isLessThan(drain);
        // the copy: likewise from the switch back
        long movedBack = at(run, recreated, "[PASS] " + Switch.BACK);
        long probedBack = at(run, movedBack, probe);
        long removed = at(run, probedBack, "[local] stop and remove the containers of " + app.project() + "-next ...");
        assertThat(Duration.ofNanos(removed - movedBack)).as("the copy's drain, from the reload").isGreaterThanOrEqualTo(atLeast);
        assertThat(Duration.ofNanos(removed - probedBack)).as("the probe's settling is part of the drain").isLessThan(drain);
        assertThat(o.failed()).as("requests through nginx that failed").isZero();
    }

    /** When the first log line at or after {@code from} (nanos) that starts with {@code start} was written. */
    private static long at(StepHarness.Run run, long from, String start) {
        return run.log().lines().stream().filter(l -> l.nanos() >= from && l.text().startsWith(start)).mapToLong(Recording.Line::nanos).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + start + "' in\n" + run.log().text()));
    }

    @Test
    void aPortTakenAfterItWasChosenForTheCopyIsGivenUpForAnotherFreeOne() throws Exception {
        String v = bg.nextVersion();
        PortTaker taker = new PortTaker();
        try {
            // right before the copy's compose up runs, something else starts listening on the port the copy publishes
            FaultyTarget.Fault takeThePort = (command, real) -> {
                taker.takeFrom(bg.copyFile());
                return real.exec(command);
            };
            BlueGreenApp.Observed o = bg.deploy(bg.params(), new Recording(),
                    t -> new FaultyTarget(t, cmd -> cmd.contains("-f " + bg.copyFile() + " up -d"), takeThePort));

            StepHarness.Run run = o.run();
            assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
            assertThat(taker.taken).as("the port chosen first, taken right before the copy bound it").isNotNull();
            String port = Integer.toString(taker.taken.getLocalPort());
            Check start = run.check(BlueGreen.START);
            assertThat(start.status()).isEqualTo(Status.PASS);
            assertThat(start.actual()).startsWith("web on 127.0.0.1:").doesNotEndWith(":" + port);
            assertThat(start.evidence()).anyMatch(e -> e.label().equals("ports taken before the copy could bind them") && e.text().equals(port));
            assertThat(run.log().text()).contains("was taken by the time it started: removing it and choosing other free ports (attempt 2 of 3)");
            assertThat(o.failed()).as("requests through nginx that failed").isZero();
            assertThat(app.http()).isEqualTo(v);
            assertThat(bg.copies()).isEmpty();
        } finally {
            taker.release();
        }
    }

    /** Holds the port the copy's file publishes, once, from right before the copy's {@code compose up} runs. */
    private static final class PortTaker {
        private static final Pattern PUBLISHED = Pattern.compile("127\\.0\\.0\\.1:(\\d+):8080/tcp");
        ServerSocket taken;

        void takeFrom(Path copyFile) {
            try {
                Matcher m = PUBLISHED.matcher(Files.readString(copyFile));
                assertThat(m.find()).as("the copy publishes a port").isTrue();
                taken = new ServerSocket(Integer.parseInt(m.group(1)), 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void release() throws IOException {
            if (taken != null) {
                taken.close();
            }
        }
    }

    @Test
    void aNewVersionThatNeverGetsHealthyLeavesTheOldOneServingAndTheSiteUntouched() throws Exception {
        assertOldVersionKept(bg.params("waitTimeout", "6s"), () -> app.neverReady(), () -> app.write("www/ready", "ready\n"),
                "new copy: service web-next is up");
    }

    @Test
    void aNewVersionThatFailsAVerifyCheckIsNeverSwitchedTo() throws Exception {
        Path feature = app.dir().resolve("www/feature.txt");
        assertOldVersionKept(bg.params(), () -> delete(feature), () -> app.write("www/feature.txt", "feature\n"),
                "new copy: GET http://127.0.0.1:" + app.port() + "/feature.txt");
    }

    @Test
    void aProbeThatFailsAfterTheSwitchPutsTheSiteBack() throws Exception {
        Path probe = app.dir().resolve("www/probe.txt");
        assertOldVersionKept(bg.params(), () -> delete(probe), () -> app.write("www/probe.txt", "probe\n"),
                "probe " + site.url("/api/probe.txt") + " (" + site.file() + ")");
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
        List<String> containers = app.containerIds();
        String site0 = site.sha256();
        String serving = app.http();
        bg.nextVersion();

        StepHarness.Run run = bg.deploy(bg.params("dryRun", true)).run();

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.log().text()).contains("(dry run, not run) $ cd /tmp && docker-compose -p " + app.project() + "-next -f /tmp/deploy-steps-"
                + app.project() + "-next.yml up -d --no-build web-next").contains("(dry run, not run) compose up\n[local] $ cd " + app.dir() + " && docker-compose -p "
                + app.project() + " -f docker-compose.yml up -d --no-build --no-deps --force-recreate web");
        assertThat(run.check(Switch.TO_NEW).message()).startsWith("dry run: would point " + site.file() + " at web (port " + app.port() + " → ");
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(site.sha256()).isEqualTo(site0);
        assertThat(app.http()).isEqualTo(serving);
        assertThat(bg.copies()).isEmpty();
    }

    @Test
    void aComposeCommandThatCannotPrintTheProjectIsRefusedBeforeAnythingChanges() throws Exception {
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();
        String site0 = site.sha256();

        StepHarness.Run run = bg.deploy(bg.params("composeCommand", "podman-compose")).run();

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
        List<String> containers = app.containerIds();
        String site0 = site.sha256();
        String serving = app.http();
        bg.nextVersion();
        breakIt.run();
        BlueGreenApp.Observed o;
        try {
            o = bg.deploy(params);
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
        assertThat(bg.copies()).isEmpty();
        assertThat(bg.siteLock()).doesNotExist();
    }
}
