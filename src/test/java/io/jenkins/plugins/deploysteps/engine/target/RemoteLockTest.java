package io.jenkins.plugins.deploysteps.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two deploys, two SSH sessions, one lock directory on a real host. */
class RemoteLockTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final Recording logA = new Recording();
    private final Recording logB = new Recording();
    private SshTarget a;
    private SshTarget b;
    private String lock;

    @BeforeEach
    void connect() throws Exception {
        a = new SshTarget(new SshConnector(logA.progress()).connect(TARGET.get().host("local")), logA.progress());
        b = new SshTarget(new SshConnector(logB.progress()).connect(TARGET.get().host("local")), logB.progress());
        lock = dir.resolve(".deploy-steps.lock").toString();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void recordsTheHolderAndReleases() throws Exception {
        try (RemoteLock.Held held = new RemoteLock(a, logA.progress()).acquire(lock, "jenkins: deploy #42", Duration.ofSeconds(5), Duration.ofMinutes(5), false)) {
            assertThat(held.path()).isEqualTo(lock);
            String owner = Files.readString(Path.of(lock, "owner"));
            assertThat(owner).contains("holder=jenkins: deploy #42").containsPattern("since=\\d{4}-\\d\\d-\\d\\dT").contains("expires=");
        }
        assertThat(Path.of(lock)).doesNotExist();
    }

    @Test
    void aSecondDeployGivesUpNamingTheHolder() throws Exception {
        try (RemoteLock.Held held = new RemoteLock(a, logA.progress()).acquire(lock, "deploy A", Duration.ofSeconds(5), Duration.ofMinutes(5), false)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> new RemoteLock(b, logB.progress()).acquire(lock, "deploy B", Duration.ofSeconds(1), Duration.ofMinutes(5), false))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageStartingWith(lock + " on local is held by deploy A since ")
                    .hasMessageEndingWith("gave up after waiting 1s (lockTimeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            assertThat(logB.text()).contains("waiting for " + lock + ", held by deploy A");
            assertThat(held.path()).isEqualTo(lock);
        }
    }

    @Test
    void aWaitingDeployGetsTheLockWhenItIsReleased() throws Exception {
        RemoteLock.Held first = new RemoteLock(a, logA.progress()).acquire(lock, "deploy A", Duration.ofSeconds(5), Duration.ofMinutes(5), false);
        CompletableFuture<RemoteLock.Held> second = CompletableFuture.supplyAsync(() -> {
            try {
                return new RemoteLock(b, logB.progress()).acquire(lock, "deploy B", Duration.ofSeconds(10), Duration.ofMinutes(5), false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(700);
        assertThat(second).isNotDone();
        first.close();
        try (RemoteLock.Held held = second.get(10, TimeUnit.SECONDS)) {
            assertThat(Files.readString(Path.of(held.path(), "owner"))).contains("holder=deploy B");
        }
    }

    @Test
    void aLockWhoseLeaseRanOutIsTakenOverAndTheOldHolderCannotReleaseIt() throws Exception {
        RemoteLock.Held stale = new RemoteLock(a, logA.progress()).acquire(lock, "deploy A (connection lost)", Duration.ofSeconds(5), Duration.ofSeconds(1), false);
        Thread.sleep(2100);
        try (RemoteLock.Held taken = new RemoteLock(b, logB.progress()).acquire(lock, "deploy B", Duration.ofSeconds(5), Duration.ofMinutes(5), false)) {
            assertThat(logB.text()).contains("took over " + lock + ": its lease had run out (deploy A (connection lost)");
            stale.close();
            assertThat(Files.readString(Path.of(taken.path(), "owner"))).contains("holder=deploy B");
            assertThat(logA.text()).contains("was no longer ours to release");
        }
    }
}
