package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection script of {@code composeCommand: 'auto'}, run by a real sh with a PATH that holds exactly the
 * compose commands of each case (small stand-ins that answer {@code version} as the real ones do), so the
 * order docker compose → docker-compose → podman-compose is proven on every combination.
 */
class ComposeDetectionTest {
    @TempDir
    Path dir;

    private Path bin(String name, boolean dockerHasComposePlugin, boolean... present) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name));
        stub(bin, "sh", "exec /bin/sh \"$@\""); // the rendered line starts with sh -c
        if (present[0]) {
            stub(bin, "docker", dockerHasComposePlugin
                    ? "[ \"$1 $2\" = 'compose version' ] && { echo 'Docker Compose version v2.29.1'; exit 0; }; exit 1"
                    : "echo \"docker: unknown command: docker $1\" >&2; exit 1");
        }
        if (present[1]) {
            stub(bin, "docker-compose", "[ \"$1\" = version ] && { echo 'docker-compose version 1.29.2, build unknown'; exit 0; }; exit 1");
        }
        if (present[2]) {
            stub(bin, "podman-compose", "[ \"$1\" = version ] && { echo 'podman-compose version: 1.0.3'; exit 0; }; exit 1");
        }
        return bin;
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String detect(Path bin) throws Exception {
        // What the remote shell does with the rendered line: /bin/sh -c "<line>", with only sh and the stubs on PATH (the script
        // uses nothing but shell builtins besides them; the stubs name their interpreter by absolute path).
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", ComposeCommands.detect().render()).redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the detection script hung");
        }
        assertThat(p.exitValue()).isZero();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void composeV2WinsWhenThePluginIsInstalled() throws Exception {
        assertThat(detect(bin("all", true, true, true, true))).startsWith("found docker compose\nDocker Compose version v2.29.1");
    }

    @Test
    void aDockerCliWithoutThePluginFallsBackToDockerCompose() throws Exception {
        assertThat(detect(bin("noplugin", false, true, true, true))).startsWith("found docker-compose\ndocker-compose version 1.29.2");
    }

    @Test
    void podmanComposeIsTheLastResort() throws Exception {
        assertThat(detect(bin("podman", false, true, false, true))).startsWith("found podman-compose\npodman-compose version: 1.0.3");
        assertThat(detect(bin("podmanonly", false, false, false, true))).startsWith("found podman-compose\n");
    }

    @Test
    void noneSaysWhatEachAttemptAnswered() throws Exception {
        String out = detect(bin("none", false, true, false, false));
        assertThat(out).startsWith("none\n").contains("docker compose: docker: unknown command: docker compose")
                .contains("docker-compose: ").contains("podman-compose: ");
    }

    @Test
    void theRealHostHasNoComposeV2AndDetectsDockerCompose() throws Exception {
        io.jenkins.plugins.deploysteps.testing.TargetRequirement.programs("compose detection on this machine", "docker", "docker-compose");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", ComposeCommands.detect().render()).redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("this machine: docker CLI without the compose plugin, docker-compose 1.29").startsWith("found docker-compose\n");
        assertThat(List.of(out.split("\n"))).anyMatch(l -> l.startsWith("docker-compose version 1."));
    }

    @Test
    void theDetectionScriptIsFixedText() {
        Cmd detect = ComposeCommands.detect();
        assertThat(detect.render()).startsWith("sh -c 'if out=$(docker compose version 2>&1); then").endsWith(" sh");
    }
}
