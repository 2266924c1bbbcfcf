package io.jenkins.plugins.deploysteps.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.target.CommandTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.SudoPasswordRequiredException;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Running commands over one real SSH session: output, input, exit codes, timeouts, sudo, a dropped connection. */
class SshExecTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    private final Recording log = new Recording();
    private SshTarget target;

    @BeforeEach
    void connect() throws Exception {
        target = open(TARGET.get().host("local"));
    }

    @AfterEach
    void close() {
        target.close();
    }

    private SshTarget open(HostSpec host) throws Exception {
        return new SshTarget(new SshConnector(log.progress()).connect(host), log.progress());
    }

    private ExecResult sh(String script) throws Exception {
        return target.exec(RemoteCommand.of(Cmd.script(script), Duration.ofSeconds(20)));
    }

    @Test
    void exitCodeStdoutAndStderrAreKeptApartAndLoggedInVerboseMode() throws Exception {
        log.progress().verbose(true);
        ExecResult r = sh("echo out; echo err >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdoutText()).isEqualTo("out\n");
        assertThat(r.stderrText()).isEqualTo("err\n");
        assertThat(log.text()).contains("[local] $ sh -c ").contains("[local] | out").contains("[local] ! err")
                .containsPattern("\\[local] \\$ sh -c .* \\.\\.\\. exit 3 \\(");
    }

    @Test
    void withoutVerboseACommandPrintsAStartAndAnEndLineAndAFailureItsLastLineOfOutput() throws Exception {
        target.exec(RemoteCommand.of(Cmd.script("echo out\necho 'no space left' >&2\nexit 3").named("write the release"), Duration.ofSeconds(20)));
        target.exec(RemoteCommand.of(Cmd.of("true"), Duration.ofSeconds(20)).label("test the link"));
        assertThat(log.lines()).extracting(Recording.Line::text).containsSubsequence("[local] write the release ...")
                .anyMatch(l -> l.matches("\\[local] write the release \\.\\.\\. exit 3 \\(\\d+ ms\\): no space left"))
                .contains("[local] test the link: $ true ...").anyMatch(l -> l.matches("\\[local] test the link: \\$ true \\.\\.\\. ok \\(\\d+ ms\\)"))
                .noneMatch(l -> l.contains("echo") || l.contains("| out"));
    }

    @Test
    void outputStreamsLineByLineAsItArrives() throws Exception {
        log.progress().verbose(true); // remote output streams into the log in verbose mode
        sh("echo first; sleep 1; echo second");
        List<Recording.Line> lines = log.lines();
        long first = lines.stream().filter(l -> l.text().endsWith("| first")).findFirst().orElseThrow().nanos();
        long second = lines.stream().filter(l -> l.text().endsWith("| second")).findFirst().orElseThrow().nanos();
        assertThat(Duration.ofNanos(second - first)).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void quietCommandsKeepOutputOutOfTheLog() throws Exception {
        ExecResult r = target.exec(RemoteCommand.of(Cmd.of("echo", "DATABASE_URL=postgres://u:p@db"), Duration.ofSeconds(5)).quiet());
        assertThat(r.stdoutText()).contains("postgres://");
        assertThat(log.text()).contains("$ echo").doesNotContain("| DATABASE_URL");
    }

    @Test
    void stdinIsDeliveredAndEndsWithEof() throws Exception {
        byte[] input = new byte[1 << 20];
        ThreadLocalRandom.current().nextBytes(input);
        ExecResult r = target.exec(RemoteCommand.of(Cmd.of("wc", "-c"), Duration.ofSeconds(20)).stdin(input).quiet());
        assertThat(r.stdoutText().strip()).isEqualTo(Integer.toString(input.length));
        // Without input, a command that reads stdin sees EOF at once instead of waiting forever.
        assertThat(target.exec(RemoteCommand.of(Cmd.of("cat"), Duration.ofSeconds(5))).exitCode()).isZero();
    }

    @Test
    void aCommandPastItsTimeoutIsKilledOnTheHost() throws Exception {
        String marker = "sleep 30" + ThreadLocalRandom.current().nextInt(100, 999);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> target.exec(RemoteCommand.of(Cmd.script(marker + "; echo never"), Duration.ofSeconds(1))))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("did not finish within its timeout of 1s; the remote process was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(runningWith(marker)).as("remote processes left running").isEmpty();
        assertThat(sh("echo still usable").stdoutText()).isEqualTo("still usable\n");
    }

    @Test
    void aBackgroundProcessHoldingStdoutDoesNotHangTheStep() throws Exception {
        long t0 = System.nanoTime();
        ExecResult r = sh("sleep 60 & echo $!");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(r.exitCode()).isZero();
        long pid = Long.parseLong(r.stdoutText().strip());
        assertThat(ProcessHandle.of(pid)).isPresent();
        sh("kill " + pid);
    }

    @Test
    void everyCommandOfAStepUsesTheSameSession() throws Exception {
        Set<String> connections = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            connections.add(sh("echo $SSH_CONNECTION").stdoutText());
        }
        assertThat(connections).hasSize(1);
    }

    @Test
    void sudoWithoutPasswordRunsAsRoot() throws Exception {
        TargetRequirement.root("sudo as the ds-sudo test user");
        try (SshTarget user = open(TARGET.get().host("sudoer", "ds-sudo", key(), TARGET.get().host("x").hostKeys()))) {
            ExecResult r = user.exec(RemoteCommand.of(Cmd.of("id", "-u").pipe(Cmd.of("tr", "-d", "\\n")), Duration.ofSeconds(10)).sudo(true));
            assertThat(r.stdoutText()).isEqualTo("0");
        }
    }

    @Test
    void sudoThatWantsAPasswordFailsClearlyInsteadOfWaiting() throws Exception {
        TargetRequirement.root("sudo as the ds-pwsudo test user");
        try (SshTarget user = open(TARGET.get().host("pwsudo", "ds-pwsudo", key(), TARGET.get().host("x").hostKeys()))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> user.exec(RemoteCommand.of(Cmd.of("true"), Duration.ofSeconds(10)).sudo(true)))
                    .isInstanceOf(SudoPasswordRequiredException.class)
                    .hasMessage("sudo on pwsudo asks for a password. Steps never type passwords: allow these commands without one "
                            + "(NOPASSWD in sudoers) or turn sudo off for this host");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aDroppedConnectionIsReportedAsLost() throws Exception {
        // Kill the sshd process serving this session (the nearest sshd above the remote shell): the connection drops.
        String killServingSshd = "p=$$; while [ \"$p\" -gt 1 ] && [ \"$(cat /proc/$p/comm)\" != sshd ]; do "
                + "p=$(cut -d' ' -f4 /proc/$p/stat); done; kill -9 \"$p\"; sleep 5";
        assertThatThrownBy(() -> sh(killServingSshd)).isInstanceOf(ConnectionLostException.class)
                .hasMessageStartingWith("connection to local lost");
        assertThatThrownBy(() -> sh("true")).isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void secretsInOutputAreMaskedInTheLogButReturnedToTheCaller() throws Exception {
        log.progress().verbose(true); // remote output streams into the log in verbose mode
        log.masker().register("tok-12345-secret");
        ExecResult r = sh("echo token=tok-12345-secret; echo tok-12345-secret >&2");
        assertThat(r.stdoutText()).contains("tok-12345-secret");
        assertThat(log.text()).doesNotContain("tok-12345-secret").contains("| token=****").contains("! ****");
        assertThat(log.lines()).allMatch(l -> l.level() != ProgressSink.Level.WARNING || !l.text().contains("secret"));
    }

    private SshCredentials key() {
        return new SshCredentials.PrivateKey(LocalTarget.read(TARGET.get().sshKey()), null);
    }

    private static List<ProcessHandle> runningWith(String marker) throws InterruptedException {
        // Zombies awaiting the reaper have no command line, so they do not count as running.
        for (int i = 0; i < 20; i++) {
            List<ProcessHandle> left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
