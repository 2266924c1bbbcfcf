package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy-steps validate}: every problem of a bad plan at once, each at its line and column, and no connection made. */
class CliValidateTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int validate(Path plan) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PW", "pw")::get)
                .run("validate", plan.toString());
    }

    @Test
    void aBadPlanReportsEveryProblemWithItsLineAndColumnAndConnectsNowhere() throws Exception {
        try (ServerSocket watcher = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path plan = Files.writeString(dir.resolve("plan.yaml"), String.join("\n",
                    "hosts:",
                    "  typo:",
                    "    hostnme: 127.0.0.1",
                    "    hostKeyVerification: off",
                    "  good:",
                    "    hostname: 127.0.0.1",
                    "    port: " + watcher.getLocalPort(),
                    "    passwordEnv: PW",
                    "    hostKeyVerification: off",
                    "steps:",
                    "  - hostCheck: {host: good, minFreeDisk: 2XB}",
                    "  - hostChek: {host: good}",
                    "  - hostCheck:",
                    "      host: good",
                    "      maxLoad: lots",
                    ""));
            assertThat(validate(plan)).isEqualTo(64);
            String p = plan.toString();
            assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                    "deploy-steps: " + p + ":3:5: hosts.typo: unknown key 'hostnme' (did you mean 'hostname'?); known keys: hostname, port, user, "
                            + "identityFile, passphraseEnv, passwordEnv, knownHosts, knownHostsFile, hostKeyVerification, jumpHost, sudo, connectTimeout, "
                            + "keepAlive, connectRetries, composeCommand, nginxTestCommand, nginxReloadCommand",
                    "deploy-steps: " + p + ":11:29: steps[0] (hostCheck): minFreeDisk: '2XB' is not a size (use B, KB, MB, GB or TB, e.g. '512MB', '2GB')",
                    "deploy-steps: " + p + ":12:5: steps[1] (hostChek): unknown step (did you mean 'hostCheck'?); known steps: " + knownSteps(),
                    err.toString(StandardCharsets.UTF_8).lines().toList().get(3));
            assertThat(err.toString(StandardCharsets.UTF_8).lines().toList().get(3)).startsWith("deploy-steps: " + p + ":15:7: steps[2] (hostCheck): maxLoad: ");
            watcher.setSoTimeout(200);
            try {
                watcher.accept().close();
                throw new AssertionError("validate connected to a plan host");
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
        }
    }

    @Test
    void aGoodPlanIsValid() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "hosts:\n  h:\n    hostname: 127.0.0.1\n    passwordEnv: PW\n    hostKeyVerification: off\n"
                + "steps:\n  - hostCheck: {host: h}\n");
        int rc = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("PW", "pw")::get)
                .run("validate", plan.toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid (1 step(s); nothing was connected to)");
    }

    private static String knownSteps() {
        return String.join(", ", io.jenkins.plugins.deploysteps.engine.Steps.all().stream().map(s -> s.name()).toList());
    }
}
