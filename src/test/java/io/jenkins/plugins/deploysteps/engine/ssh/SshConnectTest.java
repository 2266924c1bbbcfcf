package io.jenkins.plugins.deploysteps.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.SshKeys;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Connecting to a real OpenSSH server: every supported key and host-key policy, and every way it can go wrong. */
class SshConnectTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path tmp;

    private final Recording log = new Recording();

    private LocalTarget target() {
        return TARGET.get();
    }

    private SshConnection connect(HostSpec host) throws Exception {
        return new SshConnector(log.progress()).connect(host);
    }

    private static String run(SshConnection c, String command) throws Exception {
        return new SshTarget(c, new Recording().progress())
                .exec(RemoteCommand.of(Cmd.script(command), Duration.ofSeconds(10))).stdoutText().strip();
    }

    @Test
    void verifiesTheHostKeyAndRunsCommands() throws Exception {
        try (SshConnection c = connect(target().host("local"))) {
            assertThat(c.hostKey().unverified()).isFalse();
            assertThat(c.hostKey().learned()).isFalse();
            assertThat(c.hostKey().fingerprint()).isEqualTo(target().get("SSH_HOST_KEY_FINGERPRINT"));
            assertThat(run(c, "id -un")).isEqualTo(target().sshUser());
        }
        assertThat(log.text()).contains("[local] connected to " + target().sshUser() + "@127.0.0.1:" + target().sshPort())
                .contains("(verified)");
    }

    @ParameterizedTest(name = "{0} key, PEM={1}, passphrase={2}")
    @CsvSource({"ed25519,false,", "ed25519,false,correct horse", "ecdsa,false,", "ecdsa,true,", "rsa,false,", "rsa,true,",
            "rsa,true,battery staple"})
    void logsInWithEveryKeyKind(String type, boolean pem, String passphrase) throws Exception {
        String pass = passphrase == null ? "" : passphrase;
        SshKeys.Pair key = SshKeys.generate(tmp, "id_" + type, type, pem, pass);
        target().authorize(key.publicKey());
        HostSpec host = target().host("k", target().sshUser(), new SshCredentials.PrivateKey(key.privateKey(), pass.isEmpty() ? null : pass),
                HostKeyVerification.strict(target().knownHosts()));
        try (SshConnection c = connect(host)) {
            assertThat(run(c, "echo ok")).isEqualTo("ok");
        }
    }

    @Test
    void encryptedKeyWithoutPassphraseIsNamedAsSuch() {
        SshKeys.Pair key = SshKeys.generate(tmp, "enc", "ed25519", false, "s3cret-pass");
        target().authorize(key.publicKey());
        assertThatThrownBy(() -> connect(withKey(key.privateKey(), null))).isInstanceOf(PrivateKeyException.class)
                .hasMessage("the private key for host 'k' is encrypted and no passphrase was given");
        assertThatThrownBy(() -> connect(withKey(key.privateKey(), "wrong-pass"))).isInstanceOf(PrivateKeyException.class)
                .hasMessage("the passphrase does not decrypt the private key for host 'k'");
        assertThatThrownBy(() -> connect(withKey("-----BEGIN OPENSSH PRIVATE KEY-----\ngarbage\n-----END OPENSSH PRIVATE KEY-----", null)))
                .isInstanceOf(PrivateKeyException.class).hasMessageContaining("cannot be read").hasMessageNotContaining("garbage");
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsAuthentication() {
        SshKeys.Pair stranger = SshKeys.generate(tmp, "stranger", "ed25519", false, "");
        assertThatThrownBy(() -> connect(withKey(stranger.privateKey(), null))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("authentication failed on host 'k' (" + target().sshUser() + "@127.0.0.1:" + target().sshPort()
                        + "): the server did not accept the private key for user '" + target().sshUser() + "'");
    }

    @Test
    void passwordLoginAndAWrongPassword() throws Exception {
        TargetRequirement.root("password login as the ds-sudo test user");
        HostSpec good = target().host("pw", "ds-sudo", new SshCredentials.Password("ds-sudo-test-pw"), HostKeyVerification.strict(target().knownHosts()));
        try (SshConnection c = connect(good)) {
            assertThat(run(c, "id -un")).isEqualTo("ds-sudo");
        }
        HostSpec bad = target().host("pw", "ds-sudo", new SshCredentials.Password("not-the-password"), HostKeyVerification.strict(target().knownHosts()));
        assertThatThrownBy(() -> connect(bad)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("did not accept the password for user 'ds-sudo'").hasMessageNotContaining("not-the-password");
    }

    @Test
    void aChangedHostKeyIsRefusedShowingExpectedAndOffered() {
        SshKeys.Pair other = SshKeys.generate(tmp, "other_host", "ed25519", false, "");
        String otherKey = other.publicKey().split(" ")[1];
        HostSpec host = target().host("prod", target().sshUser(), key(), HostKeyVerification.strict(List.of("ssh-ed25519 " + otherKey)));
        String expected = HostKeys.fingerprint(java.util.Base64.getDecoder().decode(otherKey));
        assertThatThrownBy(() -> connect(host)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("does not match: expected ssh-ed25519 " + expected)
                .hasMessageContaining("the host offered ssh-ed25519 " + target().get("SSH_HOST_KEY_FINGERPRINT"));
    }

    @Test
    void anUnknownHostKeyIsRefusedWithTheLineThatWouldPinIt() {
        HostSpec host = target().host("new", target().sshUser(), key(), new HostKeyVerification(HostKeyMode.STRICT, List.of(), null));
        assertThatThrownBy(() -> connect(host)).isInstanceOf(HostKeyRejectedException.class)
                .hasMessageContaining("is not known (host key verification: strict)")
                .hasMessageContaining("add this line to the host's known host keys: " + target().knownHostsName() + " ssh-ed25519 AAAA");
    }

    @Test
    void acceptFirstLearnsAnUnknownKeyButNeverReplacesAKnownOne() throws Exception {
        HostSpec fresh = target().host("tofu", target().sshUser(), key(), new HostKeyVerification(HostKeyMode.ACCEPT_FIRST, List.of(), null));
        try (SshConnection c = connect(fresh)) {
            assertThat(c.hostKey().learned()).isTrue();
            assertThat(c.hostKey().fingerprint()).isEqualTo(target().get("SSH_HOST_KEY_FINGERPRINT"));
            assertThat(target().knownHosts()).contains(c.hostKey().line());
        }
        SshKeys.Pair other = SshKeys.generate(tmp, "other_host", "ed25519", false, "");
        HostSpec pinnedWrong = target().host("tofu", target().sshUser(), key(),
                new HostKeyVerification(HostKeyMode.ACCEPT_FIRST, List.of("ssh-ed25519 " + other.publicKey().split(" ")[1]), null));
        assertThatThrownBy(() -> connect(pinnedWrong)).isInstanceOf(HostKeyRejectedException.class).hasMessageContaining("does not match");
    }

    @Test
    void offConnectsButSaysSo() throws Exception {
        HostSpec host = target().host("lax", target().sshUser(), key(), new HostKeyVerification(HostKeyMode.OFF, List.of(), null));
        try (SshConnection c = connect(host)) {
            assertThat(c.hostKey().unverified()).isTrue();
            assertThat(c.hostKey().describe()).contains("NOT verified");
        }
    }

    @Test
    void aKnownHostsFileWorksToo() throws Exception {
        HostSpec host = target().host("file", target().sshUser(), key(),
                new HostKeyVerification(HostKeyMode.STRICT, List.of(), target().get("SSH_KNOWN_HOSTS")));
        try (SshConnection c = connect(host)) {
            assertThat(c.hostKey().learned()).isFalse();
        }
    }

    @Test
    void aRefusedPortFailsFastAndRetriesOnlyTheConnection() throws Exception {
        int port = freePort();
        HostSpec refused = onPort(port, 0, Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connect(refused)).isInstanceOf(SshConnectException.class)
                .hasMessage("connection refused by host 'dead' (" + target().sshUser() + "@127.0.0.1:" + port + ")");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));

        long t1 = System.nanoTime();
        assertThatThrownBy(() -> connect(onPort(port, 2, Duration.ofSeconds(5)))).hasMessageEndingWith("(after 3 attempts)");
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(log.text()).contains("retrying in 500 ms (attempt 2 of 3)").contains("retrying in 1.0 s (attempt 3 of 3)");
    }

    @Test
    void aHostThatNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        // Accepts TCP connections (the kernel does, from the backlog) but never says a word: like a dropped route.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> connect(onPort(silent.getLocalPort(), 0, Duration.ofSeconds(1))))
                    .isInstanceOf(SshConnectException.class).hasMessageContaining("within the connect timeout of 1s");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void jumpHostCarriesTheConnection() throws Exception {
        TargetRequirement.programs("jump host test", "ss");
        HostSpec bastion = target().host("bastion");
        HostSpec inner = withJump(target().host("inner"), bastion);
        try (SshConnection c = connect(inner)) {
            // The inner session's TCP peer is the bastion's sshd (it opened the forwarded connection), not this JVM.
            String clientPort = run(c, "echo $SSH_CONNECTION").split(" ")[1];
            String owner = LocalTarget.run(List.of("ss", "-Htnp", "state", "established", "( sport = :" + clientPort + " )"), Duration.ofSeconds(5));
            assertThat(owner).contains("sshd").doesNotContain("java");
        }
        assertThat(log.text()).contains("[bastion] connected").contains("[inner] connected").contains("via bastion");
    }

    @Test
    void aDeadJumpHostIsNamed() throws Exception {
        HostSpec inner = withJump(target().host("inner"), onPort(freePort(), 0, Duration.ofSeconds(2)));
        assertThatThrownBy(() -> connect(inner)).isInstanceOf(SshConnectException.class).hasMessageContaining("host 'dead'");
    }

    private HostSpec withKey(String privateKey, String passphrase) {
        return target().host("k", target().sshUser(), new SshCredentials.PrivateKey(privateKey, passphrase),
                HostKeyVerification.strict(target().knownHosts()));
    }

    private SshCredentials key() {
        return new SshCredentials.PrivateKey(LocalTarget.read(target().sshKey()), null);
    }

    private HostSpec onPort(int port, int retries, Duration connectTimeout) {
        return HostSpec.builder("dead", "127.0.0.1").port(port).login(target().sshUser(), key())
                .hostKeys(new HostKeyVerification(HostKeyMode.OFF, List.of(), null)).timing(new HostSpec.Timing(connectTimeout, Duration.ofSeconds(15), retries))
                .build();
    }

    private static HostSpec withJump(HostSpec h, HostSpec jump) {
        return h.toBuilder().jumpHost(jump).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
