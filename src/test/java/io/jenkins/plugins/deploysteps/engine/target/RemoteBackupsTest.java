package io.jenkins.plugins.deploysteps.engine.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Backup folders on a real host over a real SSH session: made, listed, pruned and restored byte for byte. */
class RemoteBackupsTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path dir;

    private final Recording log = new Recording();
    private SshTarget target;
    private RemoteBackups backups;

    @BeforeEach
    void connect() throws Exception {
        target = new SshTarget(new SshConnector(log.progress()).connect(TARGET.get().host("local")), log.progress());
        backups = new RemoteBackups(target, dir.resolve("backups").toString(), Duration.ofSeconds(20), false);
    }

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void restoresFilesByteForByteWithModesAndRemovesFilesThatWereAbsent() throws Exception {
        Path env = Files.write(dir.resolve(".env"), "SECRET=one\n".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        Path bin = Files.write(dir.resolve("data.bin"), binary);
        Path real = Files.writeString(dir.resolve("site.conf"), "location /a {}\n");
        Path link = Files.createSymbolicLink(dir.resolve("enabled.conf"), real);
        Path later = dir.resolve("new.conf");

        Backup b = backups.create(List.of(env.toString(), bin.toString(), link.toString(), later.toString()), Map.of("images", "web\tabc\tapp:1\n"))
                .orElseThrow();
        assertThat(b.id()).matches("\\d{8}T\\d{6}Z");
        assertThat(b.entries()).extracting(Backup.Entry::existed).containsExactly(true, true, true, false);
        assertThat(b.note("images")).isEqualTo("web\tabc\tapp:1\n");

        Files.writeString(env, "SECRET=two\nOTHER=x\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(bin, new byte[] {1, 2, 3});
        Files.writeString(real, "location /b {}\n");
        Files.writeString(later, "created by the deploy\n");

        List<String> done = backups.restore(backups.find(b.id()).orElseThrow());
        assertThat(done).containsExactly("restored " + env, "restored " + bin, "restored " + link, "removed " + later);
        assertThat(Files.readString(env)).isEqualTo("SECRET=one\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(bin)).isEqualTo(binary);
        assertThat(Files.isSymbolicLink(link)).as("a symlink stays a link").isTrue();
        assertThat(Files.readString(real)).isEqualTo("location /a {}\n");
        assertThat(later).doesNotExist();
        assertThat(log.text()).as("file contents never reach the log").doesNotContain("SECRET=one").doesNotContain("SECRET=two");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".deploy-steps."));
        }
    }

    @Test
    void keepsTheNewestAndListsOldestFirst() throws Exception {
        Path f = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(backups.create(List.of(f.toString()), Map.of()).orElseThrow().id());
        }
        assertThat(ids).doesNotHaveDuplicates().isSorted();
        assertThat(backups.list()).extracting(Backup::id).containsExactlyElementsOf(ids);
        RemoteBackups.Pruning pruning = backups.prune(2);
        assertThat(pruning.deleted()).extracting(Backup::id).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(pruning.kept()).extracting(Backup::id).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(backups.list()).extracting(Backup::id).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(backups.find("latest")).map(Backup::id).contains(ids.get(3));
        assertThat(backups.prune(2).deleted()).isEmpty();
    }

    @Test
    void anUnfinishedBackupIsNeitherListedNorRestorable() throws Exception {
        Path f = Files.writeString(dir.resolve("a.yml"), "a\n");
        Path folder = Files.createDirectories(dir.resolve("backups/20200101T000000Z/files"));
        Files.writeString(folder.getParent().resolve("manifest"), "1\tfile\t" + f + "\n");
        assertThat(backups.list()).isEmpty();
        Backup fake = new Backup("20200101T000000Z", folder.getParent().toString(), List.of(new Backup.Entry(f.toString(), true)), Map.of());
        assertThatThrownBy(() -> backups.restore(fake)).isInstanceOf(CommandFailedException.class).hasMessageContaining("is not a complete backup");
        assertThat(Files.readString(f)).isEqualTo("a\n");
    }

    @Test
    void aDirectoryIsRefusedAndLeavesNoBackupBehind() throws Exception {
        Path f = Files.writeString(dir.resolve("a.yml"), "a\n");
        Path sub = Files.createDirectories(dir.resolve("conf.d"));
        assertThatThrownBy(() -> backups.create(List.of(f.toString(), sub.toString()), Map.of()))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("is a directory");
        try (var left = Files.list(dir.resolve("backups"))) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> backups.create(List.of("relative/path"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backups.create(List.of(dir + "/a\nb"), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRootInTheHomeDirectoryIsTheSshUsersHome() throws Exception {
        String name = "deploy-steps-test-" + System.nanoTime();
        RemoteBackups home = new RemoteBackups(target, "~/" + name, Duration.ofSeconds(20), false);
        Path f = Files.writeString(dir.resolve("x"), "x\n");
        Backup b = home.create(List.of(f.toString()), Map.of()).orElseThrow();
        Path expected = Path.of(System.getProperty("user.home"), name);
        try {
            assertThat(b.folder()).isEqualTo(expected.resolve(b.id()).toString());
            assertThat(home.list()).extracting(Backup::id).containsExactly(b.id());
        } finally {
            try (var walk = Files.walk(expected)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anyFileNameAndContentRoundTrips() throws Exception {
        RandomInputs random = new RandomInputs();
        for (int round = 0; round < 5; round++) {
            List<Path> files = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = random.nastyString(12).replaceAll("[/\\t\\n\\r\\x00]", "_");
                name = name.isEmpty() || name.equals(".") || name.equals("..") ? "f" : name;
                Path p = dir.resolve("r" + round + "-" + i + "-" + name);
                byte[] content = random.nastyString(200).getBytes(StandardCharsets.UTF_8);
                Files.write(p, content);
                files.add(p);
                contents.add(content);
            }
            String note = random.nastyString(40).replaceAll("[\\n\\r\\x00]", " ").strip();
            Backup b = backups.create(files.stream().map(Path::toString).toList(), Map.of("n", note)).orElseThrow();
            for (Path p : files) {
                Files.write(p, "changed".getBytes(StandardCharsets.UTF_8));
            }
            Backup listed = backups.find(b.id()).orElseThrow();
            assertThat(listed.paths()).as(random.replay()).containsExactlyElementsOf(files.stream().map(Path::toString).toList());
            assertThat(listed.note("n")).as(random.replay()).isEqualTo(note);
            backups.restore(listed);
            for (int i = 0; i < files.size(); i++) {
                assertThat(Files.readAllBytes(files.get(i))).as(random.replay() + ": " + files.get(i)).isEqualTo(contents.get(i));
            }
        }
    }
}
