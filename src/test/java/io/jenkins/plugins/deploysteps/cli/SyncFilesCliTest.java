package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** syncFiles in a CLI plan: {@code from} is relative to the plan file's folder, not to where the CLI runs. */
class SyncFilesCliTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), k -> null).run(args);
    }

    @Test
    void aPlanSyncsTheFolderBesideThePlanFile() throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.createDirectories(plans.resolve("release/www"));
        Files.writeString(plans.resolve("release/www/index.html"), "v1\n");
        Path to = dir.resolve("host/app");
        Path plan = Files.writeString(plans.resolve("plan.yaml"), CliTest.hostsYaml(TARGET.get()) + "steps:\n"
                + "  - syncFiles: {host: local, from: release, to: " + to + ", revision: cafe1234, reportName: sync}\n");
        int exit = cli("run", plan.toString(), "--report-dir", dir.resolve("reports").toString());
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(to.resolve("www/index.html")).hasContent("v1");
        assertThat(to.resolve("REVISION")).hasContent("cafe1234");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[PASS] compare " + to + " (").contains("1 to add");
        assertThat(cli("help", "syncFiles")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("preserve").contains("keepReleases");
    }
}
