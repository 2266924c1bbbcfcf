package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** composeDeploy and composeRollback in a CLI plan, under exactly the Jenkins parameter names. */
class ComposeCliTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), k -> null).run(args);
    }

    @Test
    void aPlanDeploysAComposeProjectAndADryRunRollbackPrintsItsRestore() throws Exception {
        try (ComposeApp app = ComposeApp.create(TARGET.get(), dir)) {
            Path plan = Files.writeString(dir.resolve("plan.yaml"), CliTest.hostsYaml(TARGET.get()) + "steps:\n"
                    + "  - composeDeploy:\n      host: local\n      dir: " + app.dir() + "\n      project: " + app.project()
                    + "\n      backupDir: " + app.backups() + "\n      requiredEnv: [DATABASE_URL, JWT_SECRET]\n      minFreeDisk: 10MB"
                    + "\n      waitTimeout: 60s\n      stableFor: 1s\n      logsTail: 10\n      reportName: deploy\n"
                    + "  - composeRollback: {host: local, dir: " + app.dir() + ", project: " + app.project() + ", backupDir: " + app.backups()
                    + ", backup: latest, dryRun: true, reportName: rollback}\n");
            int exit = cli("run", plan.toString(), "--report-dir", dir.resolve("reports").toString());
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("[PASS] service web is up").contains("composeDeploy 'deploy' on local:"
                    + app.dir() + ": SUCCESS").contains("(dry run, not run) restore the files of " + app.backups()).contains("composeRollback 'rollback' on local:");
            assertThat(dir.resolve("reports/deploy.html")).exists();
            assertThat(dir.resolve("reports/rollback.json")).exists();
            assertThat(app.http()).isEqualTo("v1");
        }
    }

    @Test
    void aBadComposeParameterIsAPlanErrorNamingStepAndField() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), CliTest.hostsYaml(TARGET.get())
                + "steps:\n  - composeDeploy: {host: local, dir: /srv/app, requiredEnv: [JWT-SECRET]}\n");
        assertThat(cli("run", plan.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .containsPattern("plan.yaml:\\d+:63: \\Qsteps[0] (composeDeploy): requiredEnv[0]: 'JWT-SECRET' is not an environment variable name\\E");
        assertThat(cli("help", "composeDeploy")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("requiredEnv").contains("expectRevision").contains("waitTimeout");
    }
}
