package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: a plan file, exit codes, reports, and plan errors that name file, step and field. */
class CliTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> env = Map.of();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path plan(String steps) throws IOException {
        return plan(hostsYaml(TARGET.get()), steps);
    }

    static String hostsYaml(LocalTarget t) {
        StringBuilder known = new StringBuilder();
        for (String line : t.knownHosts()) {
            known.append("      - \"").append(line).append("\"\n");
        }
        return "hosts:\n  local:\n    hostname: 127.0.0.1\n    port: " + t.sshPort() + "\n    user: " + t.sshUser()
                + "\n    identityFile: " + t.sshKey() + "\n    knownHosts:\n" + known;
    }

    private Path plan(String hosts, String steps) throws IOException {
        return Files.writeString(dir.resolve("plan.yaml"), hosts + "steps:\n" + steps);
    }

    @Test
    void aPassingPlanExitsZeroAndWritesReports() throws Exception {
        Path plan = plan("  - hostCheck:\n      host: local\n      minFreeDisk: 1MB\n      requireCommands: [sh]\n");
        assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("r").toString())).isZero();
        assertThat(dir.resolve("r/hostCheck.html")).exists();
        assertThat(dir.resolve("r/hostCheck.xml")).exists();
        assertThat(stdout()).contains("[PASS] connect to local").contains("hostCheck on local: SUCCESS").contains("plan " + plan + ": SUCCESS");
    }

    @Test
    void unstableExitsTwoAndFailureExitsOneAndStopsThePlan() throws Exception {
        Path plan = plan("  - hostCheck: {host: local, minFreeDisk: 1000TB, onFailure: UNSTABLE, reportName: soft}\n"
                + "  - hostCheck: {host: local, minFreeDisk: 1000TB, reportName: hard}\n"
                + "  - hostCheck: {host: local, reportName: never}\n");
        assertThat(cli("run", plan.toString(), "--report-dir", dir.toString())).isEqualTo(1);
        assertThat(dir.resolve("soft.json")).exists();
        assertThat(dir.resolve("hard.json")).exists();
        assertThat(dir.resolve("never.json")).doesNotExist();
        assertThat(stderr()).contains("steps[1] (hostCheck) failed; the remaining 1 step(s) were not run");

        Path unstable = plan("  - hostCheck: {host: local, minFreeDisk: 1000TB, onFailure: UNSTABLE}\n");
        assertThat(cli("run", unstable.toString(), "--report-dir", dir.toString())).isEqualTo(2);
    }

    @Test
    void planErrorsNameFileStepAndFieldAndNothingRuns() throws Exception {
        try (ServerSocket watcher = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String hosts = "hosts:\n  watched:\n    hostname: 127.0.0.1\n    port: " + watcher.getLocalPort()
                    + "\n    identityFile: " + TARGET.get().sshKey() + "\n    hostKeyVerification: off\n";
            assertBadPlan(hosts, "  - hostCheck: {host: watched}\n  - hostCheck: {host: watched, minFreeDisk: 2XB}\n",
                    "plan.yaml: steps[1] (hostCheck): minFreeDisk: '2XB' is not a size");
            assertBadPlan(hosts, "  - hostCheck: {host: watched, minFreeDsk: 2GB}\n",
                    "plan.yaml: steps[0] (hostCheck): minFreeDsk: unknown parameter (did you mean 'minFreeDisk'?)");
            assertBadPlan(hosts, "  - hostCheck: {host: elsewhere}\n",
                    "plan.yaml: steps[0] (hostCheck): host: unknown host 'elsewhere'; the plan's hosts are: watched");
            assertBadPlan(hosts, "  - hostChek: {host: watched}\n", "plan.yaml: steps[0] (hostChek): unknown step (did you mean 'hostCheck'?); known steps: hostCheck");
            assertBadPlan(hosts.replace("hostKeyVerification: off", "hostKeyVerification: trusting"), "  - hostCheck: {host: watched}\n",
                    "plan.yaml: hosts.watched: hostKeyVerification: 'trusting' is not one of 'strict', 'acceptFirst', 'off'");
            assertBadPlan(hosts.replace(TARGET.get().sshKey().toString(), "/no/such/key"), "  - hostCheck: {host: watched}\n",
                    "plan.yaml: hosts.watched: identityFile: cannot read /no/such/key");
            assertBadPlan(hosts + "    jumpHost: watched\n", "  - hostCheck: {host: watched}\n", "plan.yaml: hosts.watched: jumpHost: cycle watched -> watched");
            assertBadPlan(hosts.replace("    hostKeyVerification: off\n", ""), "  - hostCheck: {host: watched}\n",
                    "plan.yaml: hosts.watched: knownHosts: strict host key verification needs knownHosts");
            assertBadPlan(hosts + "    composeCommand: compose-ng\n", "  - hostCheck: {host: watched}\n",
                    "plan.yaml: hosts.watched: composeCommand: 'compose-ng' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'");
            assertBadPlan(hosts + "    nginxReloadCommand: 'nginx -s reload; rm -rf /'\n", "  - hostCheck: {host: watched}\n",
                    "plan.yaml: hosts.watched: nginxReloadCommand: 'nginx -s reload; rm -rf /' contains ';'");
            assertBadPlan(hosts, "  - hostCheck: {host: watched\n", "plan.yaml: not valid YAML");
            watcher.setSoTimeout(300);
            try {
                watcher.accept().close();
                throw new AssertionError("a bad plan must not connect anywhere");
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
        }
    }

    @Test
    void passwordsComeFromTheEnvironmentAndAMissingVariableIsAPlanError() throws Exception {
        Path plan = plan("hosts:\n  p:\n    hostname: 127.0.0.1\n    passwordEnv: DEPLOY_PW\n    hostKeyVerification: off\n", "  - hostCheck: {host: p}\n");
        assertThat(cli("run", plan.toString())).isEqualTo(64);
        assertThat(stderr()).contains("hosts.p: passwordEnv: environment variable DEPLOY_PW is not set");
    }

    @Test
    void helpAndUsage() {
        assertThat(cli("--help")).isZero();
        assertThat(stdout()).contains("Usage: deploy-steps").contains("run").contains("validate").contains("Exit codes: 0 success");
        assertThat(cli("help", "hostCheck")).isZero();
        assertThat(stdout()).contains("minFreeDisk").contains("requireCommands");
        assertThat(cli("hostCheck", "--help")).isZero();
        assertThat(cli("steps")).isZero();
        assertThat(cli("frobnicate")).isEqualTo(64);
        assertThat(stderr()).contains("unknown command 'frobnicate'");
        assertThat(cli("rnu", "plan.yaml")).isEqualTo(64);
        assertThat(stderr()).contains("unknown command 'rnu' (did you mean 'run'?)");
        assertThat(cli("run")).isEqualTo(64);
        assertThat(cli("run", "a.yaml", "b.yaml")).isEqualTo(64);
        assertThat(cli("help", "nope")).isEqualTo(64);
        assertThat(cli("help", "hostChek")).isEqualTo(64);
        assertThat(stderr()).contains("unknown step 'hostChek' (did you mean 'hostCheck'?)");
        out.reset();
        assertThat(cli("help", "run")).isZero();
        assertThat(stdout()).contains("Usage: deploy-steps run").contains("--report-dir=DIR").contains("-v, --verbose").contains("-q, --quiet");
        out.reset();
        assertThat(cli("run", "--help")).isZero();
        assertThat(stdout()).contains("Usage: deploy-steps run");
        out.reset();
        assertThat(cli("--version")).isZero();
        assertThat(stdout()).startsWith("deploy-steps ");
        assertThat(cli("run", dir.resolve("missing.yaml").toString())).isEqualTo(64);
        assertThat(stderr()).contains("missing.yaml: cannot read the plan");
    }

    private void assertBadPlan(String hosts, String steps, String message) throws IOException {
        err.reset();
        Path plan = plan(hosts, steps);
        assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("bad").toString())).as(message).isEqualTo(64);
        assertThat(stderr()).containsPattern(java.util.regex.Pattern.quote(dir.resolve("plan.yaml").toString()) + "(:\\d+:\\d+)?: "
                + java.util.regex.Pattern.quote(message.substring("plan.yaml: ".length())));
        assertThat(dir.resolve("bad")).doesNotExist();
    }
}
