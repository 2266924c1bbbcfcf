package io.jenkins.plugins.deploysteps.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Remote reads and atomic writes against a real sshd; the files are local, so the test can look at them directly. */
class RemoteFilesTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final Recording log = new Recording();
    private SshTarget target;
    private RemoteFiles files;

    @BeforeEach
    void connect() throws Exception {
        target = new SshTarget(new SshConnector(log.progress()).connect(TARGET.get().host("local")), log.progress());
        files = new RemoteFiles(target, Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void binaryContentRoundTripsAndNewFilesGetTheGivenMode() throws Exception {
        byte[] content = new byte[256];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path file = dir.resolve("odd name 'with' $quotes");
        files.write(file.toString(), content, false, "640");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(files.read(file.toString(), false)).isEqualTo(content);
        assertThat(log.text()).as("file contents never reach the log").doesNotContain("| \u0001");
    }

    @Test
    void replacingKeepsModeOwnerAndLeavesNoTemporaryFiles() throws Exception {
        TargetRequirement.root("chown to another user");
        Path file = dir.resolve("app.conf");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LocalTarget.run(List.of("chown", "nobody", file.toString()), Duration.ofSeconds(5));
        files.write(file.toString(), "new\n".getBytes(StandardCharsets.UTF_8), false, "644");
        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.getOwner(file).getName()).isEqualTo("nobody");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("app.conf");
        }
    }

    @Test
    void writingThroughASymlinkKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("sites-available-app"), "server {}\n");
        Path link = Files.createSymbolicLink(dir.resolve("sites-enabled-app"), real);
        files.write(link.toString(), "server { listen 80; }\n".getBytes(StandardCharsets.UTF_8), false, "644");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("server { listen 80; }\n");
    }

    @Test
    void aMissingFileIsNamed() {
        String missing = dir.resolve("nope").toString();
        assertThatThrownBy(() -> files.read(missing, false)).isInstanceOf(RemoteFileNotFoundException.class)
                .hasMessage("no file " + missing + " on local");
    }

    @Test
    void rootOwnedFilesNeedSudoAndStayRootOwned() throws Exception {
        TargetRequirement.root("a root-owned file written by the ds-sudo test user");
        Path file = Files.writeString(dir.resolve("root.conf"), "original\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        var spec = TARGET.get().host("sudoer", "ds-sudo", new SshCredentials.PrivateKey(LocalTarget.read(TARGET.get().sshKey()), null),
                HostKeyVerification.strict(TARGET.get().knownHosts()));
        try (SshTarget user = new SshTarget(new SshConnector(log.progress()).connect(spec), log.progress())) {
            RemoteFiles userFiles = new RemoteFiles(user, Duration.ofSeconds(10));
            assertThatThrownBy(() -> userFiles.write(file.toString(), "changed\n".getBytes(StandardCharsets.UTF_8), false, "644"))
                    .isInstanceOf(CommandFailedException.class).hasMessageContaining("Permission denied");
            assertThat(Files.readString(file)).isEqualTo("original\n");
            userFiles.write(file.toString(), "changed\n".getBytes(StandardCharsets.UTF_8), true, "644");
            assertThat(Files.readString(file)).isEqualTo("changed\n");
            assertThat(Files.getOwner(file).getName()).isEqualTo("root");
            assertThat(new String(userFiles.read(file.toString(), true), StandardCharsets.UTF_8)).isEqualTo("changed\n");
        }
    }
}
