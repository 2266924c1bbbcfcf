package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * composeRollback with {@code release} against the real local target: the app is synced twice with syncFiles'
 * releases layout and deployed from {@code current}, then one rollback step points current back and serves the
 * earlier version; without a releases layout it refuses and changes nothing.
 */
class ComposeRollbackReleasesTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    @TempDir
    Path tmp;

    private ComposeApp app;

    @AfterEach
    void removeWhatTheTestCreated() {
        if (app != null) {
            app.close();
        }
    }

    private StepHarness harness() {
        return new StepHarness(TARGET.get(), tmp.resolve("reports")).in(tmp.resolve("ws"));
    }

    private String sync(Path to, String revision) throws Exception {
        StepHarness.Run run = harness().run(new SyncFiles(), Map.of("host", "local", "from", app.project(), "to", to.toString(),
                "layout", "releases", "revision", revision), "sync " + revision);
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        return String.valueOf(run.report().facts().get("release"));
    }

    private void deploy(Map<String, Object> params, String what) throws Exception {
        StepHarness.Run run = harness().run(new ComposeDeploy(), params, what);
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void oneRollbackStepSwitchesCurrentBackAndServesTheEarlierRelease() throws Exception {
        app = ComposeApp.create(TARGET.get(), tmp.resolve("ws"));
        Path to = tmp.resolve("host/app");
        Map<String, Object> params = app.params("dir", to + "/current");
        String first = sync(to, "rev1");
        // the host's own env file: syncFiles never sends it, and each new release starts as a copy of current
        Files.copy(app.dir().resolve(".env"), to.resolve("current/.env"));
        deploy(params, "deploy rev1");
        app.version("v2");
        String second = sync(to, "rev2");
        deploy(app.params("dir", to + "/current", "expectRevision", "rev2"), "deploy rev2");
        assertThat(app.http()).isEqualTo("v2");

        StepHarness.Run back = harness().run(new ComposeRollback(), app.params("dir", to + "/current", "release", "previous"), "rollback");

        assertThat(back.report().verdict().outcome()).as(back.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(back.report().checks()).extracting(Check::name).containsExactly("connect to local", "compose command",
                "lock " + to + "/current", "backup latest", "lock " + to, "rollback " + to, "restore files", "restore images",
                "compose files in " + to + "/current", "compose down", "compose up", "service web is up", "logs of web");
        assertThat(back.check("rollback " + to).actual()).isEqualTo("current -> releases/" + first + " (was " + second + ")");
        assertThat(back.check("restore files").status()).as("the release holds its own files").isEqualTo(Status.SKIP);
        assertThat(Files.readSymbolicLink(to.resolve("current"))).isEqualTo(Path.of("releases/" + first));
        assertThat(app.http()).isEqualTo("v1");
        assertThat(to.resolve("current/REVISION")).content().isEqualToIgnoringNewLines("rev1");
        assertThat(to.resolve("releases/" + second + "/www/index.html")).content().isEqualToIgnoringNewLines("v2");
        assertThat(to.resolve(".deploy-steps.lock")).doesNotExist();
        assertThat(to.resolve("current/.deploy-steps.lock")).doesNotExist();
    }

    @Test
    void withoutAReleasesLayoutItRefusesAndChangesNothing() throws Exception {
        app = ComposeApp.create(TARGET.get(), tmp);
        app.upWithDockerCompose();
        app.version("v2");
        deploy(app.params(), "deploy v2");
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();

        StepHarness.Run run = harness().run(new ComposeRollback(), app.params("release", "previous"), "rollback plain");

        Check refused = run.check("rollback " + app.dir());
        assertThat(refused.status()).isEqualTo(Status.FAIL);
        assertThat(refused.message()).isEqualTo("no releases layout in " + app.dir() + " on local (no current link into " + app.dir()
                + "/releases): nothing to switch back");
        assertThat(run.check("restore images").status()).isEqualTo(Status.SKIP);
        assertThat(run.check("compose up").message()).isEqualTo("current was not switched: nothing was changed");
        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(app.http()).isEqualTo("v2");
    }
}
