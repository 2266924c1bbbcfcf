package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
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

/** composeRollback against the real local target: back to the latest backup, to a named one, and a clear error for an unknown one. */
class ComposeRollbackTest {
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
        return new StepHarness(TARGET.get(), tmp.resolve("reports"));
    }

    @Test
    void rollsBackToTheLatestBackupToANamedOneAndRefusesAnUnknownOne() throws Exception {
        app = ComposeApp.create(TARGET.get(), tmp);
        app.upWithDockerCompose();
        String composeV1 = Files.readString(app.dir().resolve("docker-compose.yml"));
        app.version("v2");
        StepHarness.Run v2 = harness().run(new ComposeDeploy(), app.params(), "deploy v2");
        assertThat(v2.report().verdict().outcome()).as(v2.log().text()).isEqualTo(Outcome.SUCCESS);
        String holdsV1 = v2.report().fact("backup");

        app.version("v3").compose(composeV1.replace("    env_file: .env\n", "    env_file: .env\n    environment:\n      RELEASE: v3\n"));
        StepHarness.Run v3 = harness().run(new ComposeDeploy(), app.params(), "deploy v3");
        assertThat(v3.report().verdict().outcome()).as(v3.log().text()).isEqualTo(Outcome.SUCCESS);
        String holdsV2 = v3.report().fact("backup");
        assertThat(v3.report().facts().get("backups")).isEqualTo(java.util.List.of(holdsV1, holdsV2));
        assertThat(app.http()).isEqualTo("v3");

        StepHarness.Run latest = harness().run(new ComposeRollback(), app.params(), "rollback latest");
        assertThat(latest.report().verdict().outcome()).as(latest.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(latest.report().facts()).containsEntry("backup", holdsV2);
        assertThat(latest.report().checks()).extracting(Check::name).containsExactly("connect to local", "compose command", "lock " + app.dir(),
                "backup latest", "restore files", "restore images", "compose files in " + app.dir(), "compose down", "compose up",
                "service web is up", "logs of web");
        assertThat(app.http()).isEqualTo("v2");
        assertThat(Files.readString(app.dir().resolve("docker-compose.yml"))).as("the files as they were when v3 was deployed")
                .contains("RELEASE: v3");

        StepHarness.Run named = harness().run(new ComposeRollback(), app.params("backup", holdsV1), "rollback named");
        assertThat(named.report().verdict().outcome()).as(named.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(named.check("backup " + holdsV1).actual()).startsWith(holdsV1 + " (" + app.dir() + "/docker-compose.yml, ");
        assertThat(app.http()).isEqualTo("v1");
        assertThat(Files.readString(app.dir().resolve("docker-compose.yml"))).isEqualTo(composeV1);

        List<String> containers = app.containerIds();
        StepHarness.Run unknown = harness().run(new ComposeRollback(), app.params("backup", "20200101T000000Z"), "rollback unknown");
        Check b = unknown.check("backup 20200101T000000Z");
        assertThat(b.status()).isEqualTo(Status.FAIL);
        assertThat(b.message()).isEqualTo("no backup 20200101T000000Z in " + app.backups() + "; there are " + holdsV1 + ", " + holdsV2);
        assertThat(unknown.check("restore files").status()).isEqualTo(Status.SKIP);
        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.dir().resolve(".deploy-steps.lock")).doesNotExist();
    }
}
