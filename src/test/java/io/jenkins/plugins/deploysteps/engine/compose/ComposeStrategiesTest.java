package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** build-first (the default) against the real target, with the downtime probe measuring what users saw. */
class ComposeStrategiesTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    @TempDir
    Path tmp;

    private final List<ComposeApp> apps = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestsCreated() {
        apps.forEach(ComposeApp::close);
    }

    private StepHarness.Run deploy(Map<String, Object> params) throws Exception {
        return new StepHarness(TARGET.get(), tmp.resolve("reports")).run(new ComposeDeploy(), params, "test deploy");
    }

    @Test
    void buildFirstKeepsTheOldContainersServingThroughAFailedBuildAndMeasuresTheOutageOfAGoodOne() throws Exception {
        ComposeApp app = ComposeApp.create(TARGET.get(), tmp);
        apps.add(app);
        app.upWithDockerCompose();
        List<String> before = app.containerIds();
        Map<String, Object> probe = Map.of("url", "http://127.0.0.1:" + app.port() + "/", "interval", "100ms");
        app.version("v2").dockerfile(app.dockerfileText("RUN [\"/bin/busybox\", \"false\"]"));

        StepHarness.Run failed = deploy(app.params("downtimeProbe", probe));

        assertThat(failed.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failed.report().checks()).extracting(Check::name).containsSubsequence("backup", "compose build", "compose up",
                "service web is up", "downtime http://127.0.0.1:" + app.port() + "/");
        assertThat(failed.check("compose build").status()).isEqualTo(Status.FAIL);
        assertThat(failed.report().checks()).extracting(Check::name).doesNotContain("compose down");
        assertThat(failed.check("compose up").status()).isEqualTo(Status.SKIP);
        assertThat(failed.check("compose up").message()).isEqualTo("the build failed while the old containers kept serving: nothing that runs was changed");
        assertThat(failed.report().checks()).extracting(Check::name).noneMatch(n -> n.startsWith("rollback: "));
        assertThat(failed.report().fact("rollback")).startsWith("not needed: the build failed");
        assertThat(app.containerIds()).as("the very same containers").isEqualTo(before);
        assertThat(app.http()).isEqualTo("v1");
        Check downtime = failed.check("downtime http://127.0.0.1:" + app.port() + "/");
        assertThat(downtime.status()).as(failed.log().text()).isEqualTo(Status.PASS);
        assertThat(failed.report().fact(DowntimeProbe.FAILED)).isEqualTo("0");
        assertThat(Integer.parseInt(failed.report().fact(DowntimeProbe.REQUESTS))).isGreaterThan(5);

        app.dockerfile(app.defaultDockerfile());
        StepHarness.Run ok = deploy(app.params("downtimeProbe", Map.of("url", "http://127.0.0.1:" + app.port() + "/", "interval", "100ms",
                "maxDowntime", "20s")));

        assertThat(ok.report().verdict().outcome()).as(ok.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(app.http()).isEqualTo("v2");
        Check measured = ok.check("downtime http://127.0.0.1:" + app.port() + "/");
        assertThat(measured.status()).isEqualTo(Status.PASS);
        long longest = Long.parseLong(ok.report().fact(DowntimeProbe.LONGEST_MS));
        // Replacing the containers in place can be quicker than the probe's interval: no outage seen is the best case.
        assertThat(longest).as(measured.actual()).isNotNegative().isLessThan(20_000);
        if (longest > 0) {
            assertThat(measured.actual()).contains("longest outage").contains("compose up");
        } else {
            assertThat(measured.actual()).endsWith(" requests, 0 failed");
        }
        assertThat(ok.result().toMap().get("facts")).asString().contains(DowntimeProbe.LONGEST_MS);

        StepHarness.Run strict = deploy(app.params("downtimeProbe", Map.of("url", "http://127.0.0.1:" + app.port() + "/", "interval", "100ms",
                "maxDowntime", "10ms", "severity", "warning", "from", "agent")));
        long strictLongest = Long.parseLong(strict.report().fact(DowntimeProbe.LONGEST_MS));
        boolean over = strictLongest > 10;
        assertThat(strict.check("downtime http://127.0.0.1:" + app.port() + "/").status()).as(strict.log().text()).isEqualTo(over ? Status.WARN : Status.PASS);
        assertThat(strict.log().text()).as("requested from here, not on the host").contains("measuring downtime from the agent: http://127.0.0.1:"
                + app.port() + "/ every 100ms").doesNotContain("] measuring downtime:");
        assertThat(strict.report().verdict().outcome()).isEqualTo(over ? Outcome.UNSTABLE : Outcome.SUCCESS);
    }
}
