package io.jenkins.plugins.deploysteps.engine;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollback;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.ProbeContainers;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step that uses sudo, end to end through the real sshd as {@code ds-limited}, whose sudoers rule
 * ({@code scripts/install-target}) allows exactly the programs the steps' docs list: no shell, no ALL. A command that
 * asked sudo for {@code sh}, or for any program no doc names, is refused (sudo -n: "a password is required") and fails
 * the step. The log sudo keeps for that user shows which programs each step asked for; each must be in the sudoers
 * example of that step's own page, so the docs say exactly what a step needs.
 */
class SudoRulesTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdNginxAndPodman();

    static final String USER = "ds-limited";
    static final Path SUDOERS = Path.of("/etc/sudoers.d/deploy-steps-limited");
    static final Path SUDO_LOG = Path.of("/var/log/deploy-steps-sudo-limited.log");
    private static final Pattern COMMAND = Pattern.compile(" : " + USER + " : .*?COMMAND=(\\S+)");

    @TempDir
    Path tmp;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void theLimitedUserCanPassThroughTheTestFolders() throws IOException {
        TargetRequirement.root("sudo as the " + USER + " test user");
        if (!Files.exists(SUDOERS)) {
            throw new AssertionError(SUDOERS + " is missing: run scripts/install-target");
        }
        // Like /srv or /etc: others may pass through and read; only root writes.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private static HostSpec limited() {
        LocalTarget t = TARGET.get();
        return HostSpec.builder("local", "127.0.0.1").port(t.sshPort()).login(USER, new SshCredentials.PrivateKey(LocalTarget.read(t.sshKey()), null))
                .hostKeys(HostKeyVerification.strict(t.knownHosts())).sudo(true)
                .timing(new HostSpec.Timing(Duration.ofSeconds(5), Duration.ofSeconds(15), 0)).build();
    }

    /** A run as the limited user, and the programs sudo ran for it meanwhile. */
    private record Asked(StepHarness.Run run, Set<String> programs) {
        Asked succeeded() {
            assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
            return this;
        }
    }

    @FunctionalInterface
    private interface StepRun {
        StepHarness.Run run() throws Exception;
    }

    private static Asked asked(StepRun body) throws Exception {
        long before = Files.size(SUDO_LOG);
        StepHarness.Run run = body.run();
        Set<String> programs = new TreeSet<>();
        try (RandomAccessFile f = new RandomAccessFile(SUDO_LOG.toFile(), "r")) {
            byte[] added = new byte[(int) (f.length() - before)];
            f.seek(before);
            f.readFully(added);
            Matcher m = COMMAND.matcher(new String(added, StandardCharsets.UTF_8));
            while (m.find()) {
                programs.add(Path.of(m.group(1)).getFileName().toString());
            }
        }
        return new Asked(run, programs);
    }

    /** The programs the sudoers example on {@code docs/steps/<step>.md} allows. */
    static Set<String> documented(String step) throws IOException {
        String page = Files.readString(repository().resolve("docs/steps/" + step + ".md"));
        Matcher block = Pattern.compile("```sudoers\n(.*?)```", Pattern.DOTALL).matcher(page);
        Set<String> programs = new TreeSet<>();
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                int rule = line.indexOf("NOPASSWD:");
                if (line.startsWith("#") || rule < 0) {
                    continue;
                }
                for (String command : line.substring(rule + "NOPASSWD:".length()).split(",")) {
                    programs.add(Path.of(command.strip().split(" ")[0]).getFileName().toString());
                }
            }
        }
        assertThat(programs).as("the sudoers example on docs/steps/" + step + ".md").isNotEmpty();
        return programs;
    }

    static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/steps"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/steps above " + Path.of("").toAbsolutePath());
    }

    private static void askedOnlyForDocumented(Asked a, String step, String... mustInclude) throws IOException {
        assertThat(a.programs()).as("programs %s asked sudo for", step).doesNotContain("sh", "bash", "dash")
                .contains(mustInclude).isSubsetOf(documented(step));
    }

    @Test
    void composeDeployAndComposeRollbackAskForTheirDocumentedProgramsOnly() throws Exception {
        ComposeApp app = ComposeApp.create(TARGET.get(), tmp);
        closing.add(app);
        Files.setPosixFilePermissions(app.dir().resolve(".env"), PosixFilePermissions.fromString("rw-------")); // root's alone
        StepHarness harness = new StepHarness(TARGET.get(), tmp.resolve("reports")).as(limited());

        Asked v1 = asked(() -> harness.run(new ComposeDeploy(), app.params("requiredEnv", List.of("JWT_SECRET")), "limited v1")).succeeded();
        assertThat(v1.run().check("required env keys").status().name()).isEqualTo("PASS");
        app.version("v2");
        Asked v2 = asked(() -> harness.run(new ComposeDeploy(), app.params(), "limited v2")).succeeded();
        assertThat(app.http()).isEqualTo("v2");
        askedOnlyForDocumented(v1, "composeDeploy", "docker-compose", "docker", "mkdir", "tee", "mv", "rm", "cp", "cat");
        askedOnlyForDocumented(v2, "composeDeploy", "docker-compose", "docker");
        assertThat(Files.getOwner(app.backups()).getName()).isEqualTo("root");

        Asked back = asked(() -> harness.run(new ComposeRollback(), app.params(), "limited rollback")).succeeded();
        assertThat(app.http()).isEqualTo("v1");
        askedOnlyForDocumented(back, "composeRollback", "docker-compose", "docker", "mktemp", "cp", "mv", "cmp");
    }

    @Test
    void nginxRouteItsDryRunAndItsRestoreAskForTheirDocumentedProgramsOnly() throws Exception {
        TestHttpServer upstream = TestHttpServer.http().on("/api/ping", TestHttpServer.text(200, "pong"));
        closing.add(upstream);
        NginxSite site = NginxSite.withServer(TARGET.get(), "limited-" + System.nanoTime(), "    location /old/ { return 200 \"old\\n\"; }\n");
        closing.add(site);
        Files.setPosixFilePermissions(site.file(), PosixFilePermissions.fromString("rw-r-----"));
        StepHarness harness = new StepHarness(TARGET.get(), tmp.resolve("reports"), NginxSite.hostDefaults(TARGET.get())).as(limited());
        Map<String, Object> p = site.routeParams("/api/", upstream.port(), tmp.resolve("backups"));

        Map<String, Object> dry = new LinkedHashMap<>(p);
        dry.put("dryRun", true);
        Asked dryRun = asked(() -> harness.run(new NginxRoute(), dry, "limited dry run")).succeeded();
        assertThat(dryRun.run().check("nginx -t").status().name()).as(dryRun.run().log().text()).isEqualTo("PASS");
        askedOnlyForDocumented(dryRun, "nginxRoute", "unshare", "cat");

        byte[] original = site.bytes();
        Asked real = asked(() -> harness.run(new NginxRoute(), p, "limited route")).succeeded();
        assertThat(site.awaitBody("/api/ping", "pong").body()).isEqualTo("pong");
        assertThat(Files.getOwner(site.file()).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site.file()))).isEqualTo("rw-r-----");
        askedOnlyForDocumented(real, "nginxRoute", "nginx", "mktemp", "tee", "mv", "mkdir", "cp");

        Map<String, Object> restore = new LinkedHashMap<>(p);
        restore.remove("proxyPass");
        restore.put("verifyUrl", site.url("/old/")); // the restored site has no /api/ route to probe
        restore.put("state", "restored");
        restore.put("backup", real.run().report().fact("backup"));
        Asked restored = asked(() -> harness.run(new NginxRoute(), restore, "limited restore")).succeeded();
        assertThat(site.bytes()).isEqualTo(original);
        askedOnlyForDocumented(restored, "nginxRoute", "nginx", "cat", "mktemp", "tee", "mv");
    }

    @Test
    void syncFilesAsksForItsDocumentedProgramsOnly() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws/app/src"));
        Files.writeString(ws.resolve("main.js"), "console.log(1)\n");
        String dest = tmp.resolve("host/srv/app").toString();
        StepHarness harness = new StepHarness(TARGET.get(), tmp.resolve("reports")).as(limited()).in(tmp.resolve("ws"));
        Asked first = asked(() -> harness.run(new SyncFiles(), Map.of("host", "local", "from", "app", "to", dest, "revision", "r1"), "limited sync")).succeeded();
        Files.writeString(ws.resolve("main.js"), "console.log(2)\n");
        Asked second = asked(() -> harness.run(new SyncFiles(), Map.of("host", "local", "from", "app", "to", dest, "revision", "r2",
                "layout", "releases"), "limited releases")).succeeded();
        assertThat(Files.getOwner(Path.of(dest, "src/main.js")).getName()).isEqualTo("root");
        askedOnlyForDocumented(first, "syncFiles", "tar", "mkdir", "mv");
        askedOnlyForDocumented(second, "syncFiles", "tar", "ln");
    }

    @Test
    void healthVerifyFromContainersAsksForItsDocumentedProgramsOnly() throws Exception {
        ProbeContainers containers = ProbeContainers.start(TARGET.get(), tmp);
        closing.add(containers);
        StepHarness harness = new StepHarness(TARGET.get(), tmp.resolve("reports")).as(limited());
        Asked probes = asked(() -> harness.run(new HealthVerify(), Map.of("checks", List.of(
                check("name", "with wget", "url", "http://127.0.0.1:8080/health", "host", "local", "container", containers.busybox()),
                check("name", "with no tool", "url", "http://127.0.0.1:8080/health", "host", "local", "container", containers.bare(),
                        "expectJson", Map.of("$.status", "ok")))), "limited health")).succeeded();
        Check bare = probes.run().check("with no tool");
        assertThat(probes.run().log().text()).contains("host curl http://127.0.0.1:8080/health from container " + containers.bare());
        assertThat(bare.actual()).contains("$.status ok");
        askedOnlyForDocumented(probes, "healthVerify", "docker", "nsenter");
    }

    @Test
    void theLimitedUserMayRunExactlyTheProgramsTheDocsName() throws Exception {
        Set<String> union = new TreeSet<>();
        for (String step : List.of("composeDeploy", "composeRollback", "nginxRoute", "syncFiles", "healthVerify")) {
            union.addAll(documented(step));
        }
        String rules = Files.readString(SUDOERS);
        Matcher rule = Pattern.compile("^" + USER + " ALL=\\(root\\) NOPASSWD: (.*)$", Pattern.MULTILINE).matcher(rules);
        assertThat(rule.find()).as(rules).isTrue();
        Set<String> allowed = new TreeSet<>();
        for (String command : rule.group(1).split(",")) {
            allowed.add(Path.of(command.strip()).getFileName().toString());
        }
        assertThat(allowed).as("ds-limited's programs in " + SUDOERS + " (scripts/install-target) against the docs").isEqualTo(union)
                .doesNotContain("sh", "bash", "ALL");
    }
}
