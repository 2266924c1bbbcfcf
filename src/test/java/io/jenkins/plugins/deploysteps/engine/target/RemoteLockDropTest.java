package io.jenkins.plugins.deploysteps.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.ssh.ConnectionLostException;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock whose own command loses its reply (the SSH connection drops, the step is aborted), against the real sshd and a
 * step's {@link HostLink}: whether or not the host ran the command, no lock of this run is left on the host, and the
 * next deploy gets the lock at once.
 */
class RemoteLockDropTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    /** Kills the sshd process serving this session (the nearest sshd above the remote shell), as a dropped network would. */
    private static final Cmd KILL_SERVING_SSHD = Cmd.script("p=$$; while [ \"$p\" -gt 1 ] && [ \"$(cat /proc/$p/comm)\" != sshd ]; do "
            + "p=$(cut -d' ' -f4 /proc/$p/stat); done; kill -9 \"$p\"; sleep 5");

    @TempDir
    Path dir;

    private final Recording log = new Recording();
    private RunContext ctx;
    private ReportBuilder report;
    private HostLink link;
    private SshTarget other;
    private String lock;
    /** The one command of the step to disturb, by its label, and how. */
    private volatile Fault fault;

    private enum Fault {
        /** The connection drops just before the command goes out: the host never runs it. */
        DROP_BEFORE,
        /** The host runs the command, then the connection drops before its exit status comes back. */
        DROP_AFTER,
        /** The host runs the command and then keeps its reply back, long enough for the step to be aborted. */
        HOLD_REPLY
    }

    /** The step's SSH target, disturbed at the command labelled {@code label}, once. */
    private final class Disturbed extends ForwardingTarget {
        private final Target real;
        private final String label;
        private final AtomicBoolean done;

        Disturbed(Target real, String label, AtomicBoolean done) {
            this.real = real;
            this.label = label;
            this.done = done;
        }

        @Override
        protected Target delegate() {
            return real;
        }

        @Override
        public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
            if (!label.equals(command.cmd().label()) || !done.compareAndSet(false, true)) {
                return real.exec(command);
            }
            return switch (fault) {
                case DROP_BEFORE -> {
                    assertThatThrownBy(() -> real.exec(RemoteCommand.of(KILL_SERVING_SSHD, Duration.ofSeconds(10)).quiet()))
                            .isInstanceOf(ConnectionLostException.class);
                    yield real.exec(command);
                }
                case DROP_AFTER -> real.exec(changed(command, command.cmd().and(KILL_SERVING_SSHD)));
                case HOLD_REPLY -> real.exec(changed(command, command.cmd().and(Cmd.of("sleep", "10"))));
            };
        }

        private RemoteCommand changed(RemoteCommand command, Cmd cmd) {
            return RemoteCommand.of(cmd, command.timeout()).sudo(command.isSudo()).quiet().changesHost();
        }
    }

    @BeforeEach
    void paths() {
        lock = dir.resolve(".deploy-steps.lock").toString();
    }

    /** A step's link to the host, its first connection disturbed at the command labelled {@code label}. */
    private void connect(Fault how, String label) throws Exception {
        fault = how;
        AtomicBoolean done = new AtomicBoolean();
        SshConnector connector = new SshConnector(log.progress());
        Targets targets = new Targets((field, name) -> TARGET.get().host("local"),
                h -> new Disturbed(new SshTarget(connector.connect(h), log.progress()), label, done));
        ctx = new RunContext(log.masker(), log.progress(), targets, Clock.systemUTC(), "drop test");
        report = new ReportBuilder("composeDeploy", "drop test", "local", log.masker(), Clock.systemUTC());
        link = new HostLink(ctx, report, "local", targets.get("host", "local"), false);
        other = new SshTarget(new SshConnector(log.progress()).connect(TARGET.get().host("local")), log.progress());
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private RemoteLock.Held acquire(Target on, String holder) throws Exception {
        return new RemoteLock(on, log.progress()).acquire(lock, holder, Duration.ofSeconds(10), Duration.ofMinutes(10), false);
    }

    /** Another deploy asking for the lock: it must get it without waiting. */
    private void nextDeployGetsItAtOnce() throws Exception {
        long t0 = System.nanoTime();
        try (RemoteLock.Held held = new RemoteLock(other, log.progress()).acquire(lock, "next deploy", Duration.ZERO, Duration.ofMinutes(10), false)) {
            assertThat(Files.readString(Path.of(held.path(), "owner"))).contains("holder=next deploy");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(Path.of(lock)).doesNotExist();
    }

    private List<String> leftNextToTheLock() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private List<Status> reconnects() {
        return report.checks().stream().filter(c -> c.name().equals("reconnect to local")).map(Check::status).toList();
    }

    @Test
    void anAcquireWhoseReplyIsCutOffLeavesNoLockBehind() throws Exception {
        connect(Fault.DROP_AFTER, "lock " + lock);
        assertThatThrownBy(() -> acquire(link, "deploy A")).isInstanceOf(ConnectionLostException.class);
        assertThat(log.text()).as("the host had taken the lock before the reply was lost")
                .contains("released " + lock + ": the host had taken it for this run before the reply was lost");
        assertThat(leftNextToTheLock()).as(log.text()).isEmpty();
        assertThat(reconnects()).containsExactly(Status.PASS);
        assertThat(link.lost()).isFalse();
        nextDeployGetsItAtOnce();
    }

    @Test
    void anAcquireCutOffBeforeTheHostRanItTakesNothing() throws Exception {
        connect(Fault.DROP_BEFORE, "lock " + lock);
        assertThatThrownBy(() -> acquire(link, "deploy A")).isInstanceOf(ConnectionLostException.class);
        assertThat(log.text()).doesNotContain("released " + lock).doesNotContain("could not make sure");
        assertThat(leftNextToTheLock()).isEmpty();
        nextDeployGetsItAtOnce();
    }

    @Test
    void anAbortedAcquireLeavesNoLockBehind() throws Exception {
        connect(Fault.HOLD_REPLY, "lock " + lock);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread step = new Thread(() -> {
            try {
                acquire(link, "deploy A").close();
            } catch (Exception e) {
                thrown.set(e);
            }
        }, "aborted step");
        step.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(Path.of(lock, "owner")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Path.of(lock, "owner")).as("the host took the lock").exists();
        step.interrupt();
        step.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(step.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(leftNextToTheLock()).as(log.text()).isEmpty();
        nextDeployGetsItAtOnce();
    }

    @Test
    void aReleaseWhoseReplyIsCutOffIsNotMistakenForALostLease() throws Exception {
        connect(Fault.DROP_AFTER, "unlock " + lock);
        acquire(link, "deploy A").close();
        assertThat(Path.of(lock)).doesNotExist();
        assertThat(reconnects()).containsExactly(Status.PASS);
        assertThat(log.text()).doesNotContain("no longer ours").doesNotContain("could not release");
        nextDeployGetsItAtOnce();
    }

    @Test
    void aReleaseCutOffBeforeTheHostRanItIsRunAgainOverANewConnection() throws Exception {
        connect(Fault.DROP_BEFORE, "unlock " + lock);
        RemoteLock.Held held = acquire(link, "deploy A");
        assertThat(Path.of(lock)).exists();
        held.close();
        assertThat(Path.of(lock)).as(log.text()).doesNotExist();
        assertThat(reconnects()).containsExactly(Status.PASS);
        assertThat(log.text()).doesNotContain("no longer ours").doesNotContain("could not release");
        nextDeployGetsItAtOnce();
    }
}
