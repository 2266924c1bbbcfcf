package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeTarget;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** syncFiles end to end: a real sshd on 127.0.0.1 (logging in as the test's user), the host's files checked on disk. */
class SyncFilesTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path work;

    private final Recording log = new Recording();

    private Path ws() throws Exception {
        return Files.createDirectories(work.resolve("ws"));
    }

    private Path app() throws Exception {
        return Files.createDirectories(work.resolve("ws/app"));
    }

    private String dest() {
        return work.resolve("host/srv/app").toString();
    }

    private StepResult sync(Map<String, Object> extra) throws Exception {
        return sync(extra, TARGET.get().host("local"));
    }

    private StepResult sync(Map<String, Object> extra, HostSpec host) throws Exception {
        Map<String, Object> params = new HashMap<>(Map.of("host", "local", "from", "app", "to", dest(), "revision", "abc123"));
        params.putAll(extra);
        HostSpec local = host.toBuilder().name("local").jumpHost(null).stepDefaults(HostStepDefaults.NONE).build();
        HostResolver hosts = (field, name) -> local;
        SyncFiles step = new SyncFiles();
        SyncSpec spec = StepRunner.bind(step, params, hosts);
        try (RunContext ctx = new RunContext(log.masker(), log.progress(), Targets.overSsh(hosts, log.progress()), Clock.systemUTC(), "test")) {
            return StepRunner.run(step, spec, ctx.withBaseDir(ws()), work.resolve("reports"));
        }
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String fact(StepResult r, String key) {
        return r.report().fact(key);
    }

    private void tree() throws Exception {
        write(app().resolve("compose.yaml"), "services: {}\n");
        write(app().resolve("src/main.js"), "console.log('hi')\n");
        write(app().resolve("node_modules/left-pad/index.js"), "module.exports = 1\n");
        write(app().resolve(".git/HEAD"), "ref: refs/heads/main\n");
    }

    @Test
    void firstSyncCopiesTheTreeAndWritesRevisionThenOnlyChangesTravel() throws Exception {
        tree();
        Path bin = app().resolve("run.sh");
        write(bin, "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-x---"));
        StepResult first = sync(Map.of());
        assertThat(first.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        Path d = Path.of(dest());
        assertThat(d.resolve("src/main.js")).hasContent("console.log('hi')");
        assertThat(d.resolve("node_modules/left-pad/index.js")).exists();
        assertThat(d.resolve(".git")).doesNotExist();
        assertThat(d.resolve("REVISION")).hasContent("abc123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d.resolve("run.sh")))).isEqualTo("rwxr-x---");
        assertThat(fact(first, "filesAdded")).isEqualTo("4");
        assertThat(Files.list(d).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".deploy-steps"));

        StepResult again = sync(Map.of());
        assertThat(fact(again, "filesAdded")).isEqualTo("0");
        assertThat(fact(again, "filesChanged")).isEqualTo("0");
        assertThat(fact(again, "filesUnchanged")).isEqualTo("4");

        write(app().resolve("src/main.js"), "console.log('v2')\n");
        StepResult one = sync(Map.of("revision", "def456"));
        assertThat(fact(one, "filesChanged")).isEqualTo("1");
        assertThat(fact(one, "filesUnchanged")).isEqualTo("3");
        assertThat(Long.parseLong(fact(one, "bytesSent"))).isLessThan(20_000);
        assertThat(d.resolve("src/main.js")).hasContent("console.log('v2')");
        assertThat(d.resolve("REVISION")).hasContent("def456");
    }

    @Test
    void deleteRemovesWhatTheWorkspaceNoLongerHasButNeverTouchesPreservedOrExcludedFiles() throws Exception {
        tree();
        write(app().resolve("old.txt"), "old\n");
        write(app().resolve(".env"), "WORKSPACE_SECRET=from-the-workspace\n");
        sync(Map.of("excludes", List.of("logs/")));
        Path d = Path.of(dest());
        assertThat(d.resolve(".env")).as("a workspace .env is never sent").doesNotExist();
        write(d.resolve(".env"), "DB_PASSWORD=host-only-s3cret-value\n");
        write(d.resolve("backend/.env.production"), "TOKEN=another-host-s3cret\n");
        write(d.resolve("logs/app.log"), "host log\n");
        Files.delete(app().resolve("old.txt"));

        StepResult r = sync(Map.of("excludes", List.of("logs/")));
        assertThat(r.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(d.resolve("old.txt")).doesNotExist();
        assertThat(fact(r, "filesDeleted")).isEqualTo("1");
        assertThat(d.resolve(".env")).hasContent("DB_PASSWORD=host-only-s3cret-value");
        assertThat(d.resolve("backend/.env.production")).exists();
        assertThat(d.resolve("logs/app.log")).exists();
        String everything = log.text() + Files.readString(Path.of(r.files().json())) + Files.readString(Path.of(r.files().html())) + r.toMap();
        assertThat(everything).doesNotContain("host-only-s3cret-value").doesNotContain("another-host-s3cret");
    }

    @Test
    void hostileNamesAreCopiedAsNamesAndNothingRuns() throws Exception {
        Path canary = Path.of("/tmp/pwned");
        Files.deleteIfExists(canary);
        List<String> names = List.of("$(touch /tmp/pwned)", "with space", "quote'and\"double", "new\nline", "ünïcødé-名前",
                "-rf", "back\\slash", "x".repeat(120) + "/" + "y".repeat(150));
        for (String n : names) {
            write(app().resolve(n), "content of " + n);
        }
        StepResult r = sync(Map.of());
        assertThat(r.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        for (String n : names) {
            assertThat(Path.of(dest()).resolve(n)).hasContent("content of " + n);
        }
        assertThat(canary).doesNotExist();
        StepResult again = sync(Map.of());
        assertThat(fact(again, "filesUnchanged")).as("hashes of hostile names are read back").isEqualTo(Integer.toString(names.size()));
    }

    @Test
    void symlinksInsideTheTreeAreKeptAndOneLeavingItIsRefusedBeforeAnythingChanges() throws Exception {
        tree();
        Files.createSymbolicLink(app().resolve("entry.js"), Path.of("src/main.js"));
        StepResult ok = sync(Map.of());
        assertThat(ok.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Files.readSymbolicLink(Path.of(dest()).resolve("entry.js"))).isEqualTo(Path.of("src/main.js"));

        Files.createSymbolicLink(app().resolve("passwd"), Path.of("/etc/passwd"));
        write(app().resolve("src/main.js"), "changed\n");
        StepResult refused = sync(Map.of());
        assertThat(refused.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(refused.report().checks().stream().filter(c -> c.status() == Status.FAIL).findFirst().orElseThrow().message())
                .contains("the symlink passwd points outside");
        assertThat(Path.of(dest()).resolve("src/main.js")).hasContent("console.log('hi')");
        assertThat(Path.of(dest()).resolve("passwd")).doesNotExist();
    }

    @Test
    void dryRunListsChangesWithSizesAndChangesNothing() throws Exception {
        tree();
        sync(Map.of());
        write(app().resolve("src/new.js"), "12345");
        Files.delete(app().resolve("compose.yaml"));
        StepResult r = sync(Map.of("dryRun", true, "revision", "zzz999"));
        assertThat(log.text()).contains("add src/new.js (5 B)").contains("delete compose.yaml");
        assertThat(Path.of(dest()).resolve("src/new.js")).doesNotExist();
        assertThat(Path.of(dest()).resolve("compose.yaml")).exists();
        assertThat(Path.of(dest()).resolve("REVISION")).hasContent("abc123");
        assertThat(r.report().checks()).anyMatch(c -> c.name().equals("transfer") && c.status() == Status.SKIP);
    }

    @Test
    void aLockHeldByADeployOfTheSameDirectoryMakesTheSyncWaitAndGiveUp() throws Exception {
        tree();
        sync(Map.of());
        write(app().resolve("src/main.js"), "v2\n");
        SshConnector connector = new SshConnector(log.progress());
        try (SshTarget other = new SshTarget(connector.connect(TARGET.get().host("local")), log.progress())) {
            // The lock composeDeploy takes for the same directory.
            String deployLock = new ComposeTarget("local", dest(), "app", List.of(), null, "/tmp").lockPath();
            RemoteLock.Held held = new RemoteLock(other, log.progress()).acquire(deployLock, "composeDeploy #7",
                    Duration.ofSeconds(5), Duration.ofMinutes(5), false);
            StepResult r = sync(Map.of("lockTimeout", "1s"));
            assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.report().checks().get(1).message()).contains("held by composeDeploy #7");
            assertThat(Path.of(dest()).resolve("src/main.js")).hasContent("console.log('hi')");
            held.close();
        }
        assertThat(sync(Map.of()).report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(Path.of(dest()).resolve("src/main.js")).hasContent("v2");
    }

    @Test
    void aConnectionDroppedMidTransferLeavesThePreviousFilesAndTheirRevisionThenTheNextSyncCompletes() throws Exception {
        tree();
        sync(Map.of());
        byte[] big = new byte[64 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        Files.write(app().resolve("big.bin"), big);
        write(app().resolve("src/main.js"), "v2\n");
        long sshd = Long.parseLong(TARGET.get().get("SSHD_PID"));
        java.time.Instant started = java.time.Instant.now();
        CompletableFuture<StepResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return sync(Map.of("revision", "new111"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !running.isDone() && !staged()) {
            Thread.sleep(5);
        }
        List<ProcessHandle> sessions = ProcessHandle.of(sshd).orElseThrow().children()
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(started.minusSeconds(1))).orElse(false)).toList();
        sessions.forEach(ProcessHandle::destroyForcibly);
        StepResult r = running.get(2, TimeUnit.MINUTES);
        assertThat(r.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.FAILURE);
        assertThat(Path.of(dest()).resolve("src/main.js")).hasContent("console.log('hi')");
        assertThat(Path.of(dest()).resolve("big.bin")).doesNotExist();
        assertThat(Path.of(dest()).resolve("REVISION")).as("still the revision of the files in place").hasContent("abc123");

        StepResult next = sync(Map.of("revision", "new111"));
        assertThat(next.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Path.of(dest()).resolve("big.bin")).hasSize(big.length);
        assertThat(Path.of(dest()).resolve("REVISION")).hasContent("new111");
        try (Stream<Path> s = Files.list(Path.of(dest()))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".deploy-steps.sync"));
        }
    }

    private boolean staged() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(dest()))) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".deploy-steps.sync") && Files.exists(p.resolve("tree/big.bin")));
        }
    }

    @Test
    void releasesLayoutSwitchesCurrentAndRollsBack() throws Exception {
        tree();
        Map<String, Object> releases = Map.of("layout", "releases", "revision", "rev1");
        assertThat(sync(releases).report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        Path current = Path.of(dest(), "current");
        assertThat(current.resolve("REVISION")).hasContent("rev1");
        String first = Files.readSymbolicLink(current).toString();
        write(current.resolve(".env"), "SECRET=host\n");
        Thread.sleep(1100); // release ids have one-second resolution
        write(app().resolve("src/main.js"), "v2\n");
        StepResult second = sync(Map.of("layout", "releases", "revision", "rev2"));
        assertThat(second.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(fact(second, "filesChanged")).isEqualTo("1");
        assertThat(current.resolve("src/main.js")).hasContent("v2");
        assertThat(current.resolve(".env")).as("preserved files come along").hasContent("SECRET=host");
        assertThat(Files.readSymbolicLink(current).toString()).isNotEqualTo(first);
        assertThat(Path.of(dest()).resolve(first).resolve("src/main.js")).hasContent("console.log('hi')");

        StepResult back = sync(Map.of("layout", "releases", "rollback", true));
        assertThat(back.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Files.readSymbolicLink(current).toString()).isEqualTo(first);
        assertThat(current.resolve("REVISION")).hasContent("rev1");

        Thread.sleep(1100);
        StepResult third = sync(Map.of("layout", "releases", "revision", "rev3", "keepReleases", 2));
        assertThat(third.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Path.of(dest()).resolve(first)).as("beyond keepReleases").doesNotExist();
        try (Stream<Path> s = Files.list(Path.of(dest(), "releases"))) {
            assertThat(s.map(p -> p.getFileName().toString())).hasSize(2).noneMatch(n -> n.startsWith("."));
        }
        assertThat(current.resolve("REVISION")).hasContent("rev3");
        assertThat(current.resolve(".env")).as("taken along from the release current pointed to").hasContent("SECRET=host");
    }

    @Test
    void aSudoOwnedDestinationIsWrittenThroughSudoPerCommand() throws Exception {
        TargetRequirement.root("sudo as the ds-sudo test user");
        tree();
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // as /srv is: others may pass through
        HostSpec plain = TARGET.get().host("x");
        HostSpec sudoer = TARGET.get().host("local", "ds-sudo", plain.login().credentials(), plain.hostKeys());
        HostSpec withSudo = sudoer.toBuilder().name("local").jumpHost(null).sudo(true).stepDefaults(HostStepDefaults.NONE).build();
        StepResult r = sync(Map.of("verbose", true), withSudo); // verbose: the build log then shows each script whole
        assertThat(r.report().verdict().outcome()).as(log.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Files.getOwner(Path.of(dest()).resolve("src/main.js")).getName()).isEqualTo("root");
        assertThat(log.text()).contains("exec sudo -n -- tar -x -p --no-same-owner -f - -C \"$2\"' sh " + dest() + " .deploy-steps.sync.")
                .doesNotContain("sudo -n -- sh").doesNotContain("sudo -n sh");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        SyncFiles step = new SyncFiles();
        assertThatThrownBy(() -> step.bind(io.jenkins.plugins.deploysteps.engine.params.Params.of(Map.of("host", "h", "from", "../x", "to", "/srv"))))
                .isInstanceOf(SpecException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> step.bind(io.jenkins.plugins.deploysteps.engine.params.Params.of(Map.of("host", "h", "from", "a", "to", "srv"))))
                .isInstanceOf(SpecException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> step.bind(io.jenkins.plugins.deploysteps.engine.params.Params.of(Map.of("host", "h", "from", "a", "to", "/srv",
                "rollback", true)))).isInstanceOf(SpecException.class).hasMessageContaining("releases");
        assertThatThrownBy(() -> step.bind(io.jenkins.plugins.deploysteps.engine.params.Params.of(Map.of("host", "h", "from", "a", "to", "/srv",
                "revision", "$(id)")))).isInstanceOf(SpecException.class).hasMessageContaining("revision");
    }
}
