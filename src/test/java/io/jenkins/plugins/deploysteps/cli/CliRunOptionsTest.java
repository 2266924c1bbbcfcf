package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The run command's options against the local sshd: both --report-dir spellings, distinct report names, the index page, -q and -v, ~/.ssh/known_hosts, ssh-agent. */
class CliRunOptionsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Map<String, String> env = Map.of();

    private int cli(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env::get).run(args);
    }

    private Path plan(String hosts, String steps) throws IOException {
        return Files.writeString(dir.resolve("plan.yaml"), hosts + "steps:\n" + steps);
    }

    @Test
    void twoCallsOfAStepGetDistinctReportsAndTheIndexListsEachOnce() throws Exception {
        Path plan = plan(CliTest.hostsYaml(TARGET.get()), "  - hostCheck: {host: local, minFreeDisk: 1MB}\n"
                + "  - hostCheck: {host: local, minFreeDisk: 1000TB, onFailure: UNSTABLE}\n  - hostCheck: {host: local, reportName: named}\n");
        assertThat(cli("run", plan.toString(), "--report-dir=" + dir.resolve("r"))).isEqualTo(2);
        Path r = dir.resolve("r");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(r.resolve("hostCheck.json").toFile()).get("status").asText()).isEqualTo("SUCCESS");
        assertThat(json.readTree(r.resolve("hostCheck-2.json").toFile()).get("status").asText()).isEqualTo("UNSTABLE");
        assertThat(r.resolve("named.html")).exists();

        String index = Files.readString(r.resolve("index.html"));
        Matcher links = Pattern.compile("<a href=\"([^\"]+\\.html)\">").matcher(index);
        java.util.List<String> pages = new java.util.ArrayList<>();
        while (links.find()) {
            pages.add(links.group(1));
        }
        assertThat(pages).containsExactly("hostCheck.html", "hostCheck-2.html", "named.html");
        pages.forEach(p -> assertThat(r.resolve(p)).exists());
        assertThat(index).contains("badge UNSTABLE").contains("badge SUCCESS");

        assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("again").toString())).isEqualTo(2);
        assertThat(dir.resolve("again/hostCheck-2.json")).exists();
    }

    @Test
    void quietPrintsOnlyProblemsAndVerboseAlsoRemoteOutput() throws Exception {
        Path plan = plan(CliTest.hostsYaml(TARGET.get()), "  - hostCheck: {host: local, minFreeDisk: 1000TB, onFailure: UNSTABLE}\n");
        assertThat(cli("run", "-q", plan.toString(), "--report-dir", dir.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[FAIL] free disk on /").contains("UNSTABLE");

        assertThat(cli("run", plan.toString(), "--report-dir", dir.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[PASS] connect to local").doesNotContain("[local] | ");

        assertThat(cli("run", "--verbose", plan.toString(), "--report-dir", dir.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[local] | ");
    }

    @Test
    void aHostWithoutKnownHostsUsesTheUsersKnownHostsFile() throws Exception {
        LocalTarget t = TARGET.get();
        String hosts = "hosts:\n  local:\n    hostname: 127.0.0.1\n    port: " + t.sshPort() + "\n    user: " + t.sshUser()
                + "\n    identityFile: " + t.sshKey() + "\n";
        Path plan = plan(hosts, "  - hostCheck: {host: local, minFreeDisk: 1MB}\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        env = Map.of("HOME", home.toString());

        assertThat(cli("validate", plan.toString())).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("knownHosts").contains(home.resolve(".ssh/known_hosts").toString());

        Files.createDirectories(home.resolve(".ssh"));
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("other").toString())
                .redirectErrorStream(true).start();
        assertThat(keygen.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && keygen.exitValue() == 0).isTrue();
        String otherKey = Files.readString(dir.resolve("other.pub")).split(" ")[1];
        Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + t.sshPort() + " ssh-ed25519 " + otherKey + "\n");
        assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("wrong").toString())).as("a wrong key in known_hosts is refused").isEqualTo(1);

        Files.write(home.resolve(".ssh/known_hosts"), t.knownHosts());
        assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("right").toString())).isZero();
    }

    @Test
    void aHostWithoutAKeyFileUsesTheKeysOfTheRunningSshAgent() throws Exception {
        LocalTarget t = TARGET.get();
        StringBuilder known = new StringBuilder();
        t.knownHosts().forEach(line -> known.append("      - \"").append(line).append("\"\n"));
        Path plan = plan("hosts:\n  local:\n    hostname: 127.0.0.1\n    port: " + t.sshPort() + "\n    user: " + t.sshUser()
                + "\n    knownHosts:\n" + known, "  - hostCheck: {host: local, minFreeDisk: 1MB}\n");
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            env = Map.of("SSH_AUTH_SOCK", socket.toString());
            assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("empty").toString())).as("an agent without the key").isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).contains("ssh-agent");

            ProcessBuilder add = new ProcessBuilder("ssh-add", t.sshKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertThat(adding.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && adding.exitValue() == 0).as("ssh-add").isTrue();
            assertThat(cli("run", plan.toString(), "--report-dir", dir.resolve("agent").toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("[PASS] connect to local");
        } finally {
            agent.destroy();
            agent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            Files.deleteIfExists(socket);
        }
    }
}
