package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps nginxRoute from breaking a site, against the real local target: hostile input refused before anything
 * is touched, runs on one file serialized, sudo and its refusal, and the traps of a directory nginx includes whole.
 */
class NginxRouteSafetyTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

    /** Characters and strings that could end a word, a string, a directive or a block, start a comment, or expand. */
    static final List<String> HOSTILE = List.of("{", "}", ";", "\n", "\r", "\"", "'", "$", "$host", "#", "\\", " ", "\t", "\u2028", "\u2029",
            "\u0085", "; } server { listen 80; ", "\nproxy_pass http://evil;\n", "`id`", "$(id)", "é");

    @TempDir
    Path tmp;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private TestHttpServer upstream;

    @BeforeEach
    void startUpstream() {
        upstream = TestHttpServer.http().on("/api/ping", TestHttpServer.text(200, "pong")).on("/b/ping", TestHttpServer.text(200, "b"))
                .on("/api/slow", TestHttpServer.delayed(2500, TestHttpServer.text(200, "slow pong")));
        closing.add(upstream);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private NginxSite site(String name) {
        NginxSite s = NginxSite.withServer(TARGET.get(), name + "-" + System.nanoTime(), "    location /old/ { return 200 \"old\\n\"; }\n");
        closing.add(s);
        return s;
    }

    private StepHarness harness() {
        return new StepHarness(TARGET.get(), tmp.resolve("reports"), NginxSite.hostDefaults(TARGET.get()));
    }

    private Map<String, Object> params(NginxSite site, String location) {
        return site.routeParams(location, upstream.port(), tmp.resolve("backups"));
    }

    /** One parameter and the value a hostile string turns it into. */
    private record Case(String field, String param, Object value) {}

    private List<Case> hostileCases(NginxSite site, String bad) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("site", "site", site.file() + bad + "x"));
        cases.add(new Case("location", "location", "/api/" + bad + "x/"));
        cases.add(new Case("proxyPass", "proxyPass", "http://127.0.0.1:" + upstream.port() + "/v1" + bad + "x/"));
        cases.add(new Case("proxyPass", "proxyPass", "http://127.0.0.1" + bad + "x:" + upstream.port() + "/"));
        cases.add(new Case("serverName", "serverName", "app" + bad + "x.example.com"));
        cases.add(new Case("headers[X-A" + bad + "x]", "headers", Map.of("X-A" + bad + "x", "v")));
        // A blank is fine inside a header value (it is written in double quotes) and between a command's words.
        if (!bad.equals("$host") && !bad.equals(" ")) {
            cases.add(new Case("headers[X-A]", "headers", Map.of("X-A", "v" + bad + "x")));
        }
        if (!bad.equals(" ")) {
            cases.add(new Case("testCommand", "testCommand", "nginx -t" + bad + "x"));
            cases.add(new Case("reloadCommand", "reloadCommand", "nginx -s reload" + bad + "x"));
        }
        cases.add(new Case("backupDir", "backupDir", tmp.resolve("backups") + bad + "x"));
        cases.add(new Case("state", "state", "present" + bad + "x"));
        cases.add(new Case("backup", "backup", "20260101T120000Z" + bad + "x"));
        cases.add(new Case("websocket", "websocket", "true" + bad + "x"));
        cases.add(new Case("proxyReadTimeout", "proxyReadTimeout", "60s" + bad + "x"));
        cases.add(new Case("clientMaxBodySize", "clientMaxBodySize", "10MB" + bad + "x"));
        cases.add(new Case("expectStatus", "expectStatus", "200" + bad + "x"));
        cases.add(new Case("verifyTimeout", "verifyTimeout", "10s" + bad + "x"));
        cases.add(new Case("keepBackups", "keepBackups", "5" + bad + "x"));
        cases.add(new Case("lockTimeout", "lockTimeout", "1m" + bad + "x"));
        cases.add(new Case("timeout", "timeout", "30s" + bad + "x"));
        cases.add(new Case("dryRun", "dryRun", "false" + bad + "x"));
        cases.add(new Case("reportName", "reportName", "r" + bad + "x"));
        cases.add(new Case("onFailure", "onFailure", "FAILURE" + bad + "x"));
        cases.add(new Case("host", "host", "local" + bad + "x"));
        // verifyUrl is never written into the site file or a shell: ';', '$' and ''' are URL characters there.
        if (!List.of(";", "'", "$", "$host", "$(id)", "é").contains(bad)) {
            cases.add(new Case("verifyUrl", "verifyUrl", site.url("/api/") + bad + "x"));
        }
        return cases;
    }

    @Test
    void everyHostileInputForEveryParameterIsRefusedNamingItAndNothingChanges() throws Exception {
        NginxSite site = site("hostile");
        String before = site.sha256();
        List<String> listing = NginxSite.sitesListing(TARGET.get());
        int refused = 0;
        List<String> accepted = new ArrayList<>();
        List<String> strings = new ArrayList<>(HOSTILE);
        strings.add("x".repeat(3000));
        for (String bad : strings) {
            for (Case c : hostileCases(site, bad)) {
                Map<String, Object> p = params(site, "/api/");
                p.put(c.param(), c.value());
                try {
                    harness().run(new NginxRoute(), p, "hostile");
                    accepted.add(c.param() + " = " + NginxRouteBinding.shown(String.valueOf(c.value())));
                } catch (SpecException e) {
                    // the field as messages print it (on one line); a list's element is named with its index
                    String named = PrintableText.bounded(c.field(), PrintableText.QUOTE_LIMIT);
                    if (e.field().equals(named) || e.field().startsWith(named + "[")) {
                        refused++;
                    } else {
                        accepted.add(c.param() + " = " + NginxRouteBinding.shown(String.valueOf(c.value())) + " refused as " + e.field());
                    }
                }
            }
            assertThat(site.sha256()).as("after hostile " + NginxRouteBinding.shown(bad)).isEqualTo(before);
        }
        assertThat(accepted).as("not refused, or refused naming another parameter").isEmpty();
        assertThat(refused).isGreaterThan(500);
        assertThat(NginxSite.sitesListing(TARGET.get())).isEqualTo(listing);
        assertThat(tmp.resolve("backups")).doesNotExist();
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
    }

    @Test
    void concurrentRunsOnOneSiteFileAreSerializedAndBothRoutesEndUpInIt() throws Exception {
        NginxSite site = site("concurrent");
        Map<String, Object> slow = params(site, "/api/");
        slow.put("verifyUrl", site.url("/api/slow"));
        Path lock = Path.of(new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath());
        Recording logB = new Recording();
        CompletableFuture<StepHarness.Run> a = CompletableFuture.supplyAsync(() -> {
            try {
                return harness().run(new NginxRoute(), slow, "run A");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(lock) && System.nanoTime() < deadline && !a.isDone()) {
            Thread.sleep(20);
        }
        assertThat(lock).as("run A holds the lock").exists();
        StepHarness.Run b = harness().run(new NginxRoute(), params(site, "/b/"), "run B", logB);
        StepHarness.Run runA = a.get(2, TimeUnit.MINUTES);

        assertThat(runA.report().verdict().outcome()).as(runA.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(b.report().verdict().outcome()).as(logB.text()).isEqualTo(Outcome.SUCCESS);
        assertThat(logB.text()).contains("waiting for " + lock + ", held by run A since ");
        assertThat(site.text()).contains("# BEGIN deploy-steps nginxRoute /api/").contains("# BEGIN deploy-steps nginxRoute /b/");
        assertThat(site.awaitBody("/api/ping", "pong").body()).isEqualTo("pong");
        assertThat(site.awaitBody("/b/ping", "b").body()).isEqualTo("b");
        assertThat(lock).doesNotExist();
    }

    private HostSpec user(String name, boolean sudo) {
        LocalTarget t = TARGET.get();
        return HostSpec.builder("local", "127.0.0.1").port(t.sshPort()).login(name, new SshCredentials.PrivateKey(LocalTarget.read(t.sshKey()), null))
                .hostKeys(HostKeyVerification.strict(t.knownHosts())).sudo(sudo)
                .timing(new HostSpec.Timing(Duration.ofSeconds(5), Duration.ofSeconds(15), 0)).build();
    }

    @Test
    void aUserWithSudoChangesARootOwnedSiteAndItStaysRootOwned() throws Exception {
        TargetRequirement.root("a root-owned site file changed by the ds-sudo test user");
        NginxSite site = site("sudo");
        Files.setPosixFilePermissions(site.file(), PosixFilePermissions.fromString("rw-r-----"));
        // The backups' parent, like /var/backups: others may pass through. The SSH user reads the manifests; sudo writes.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));

        StepHarness.Run run = harness().as(user("ds-sudo", true)).run(new NginxRoute(), params(site, "/api/"), "sudo run");

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.check("nginx commands").actual()).endsWith("(through sudo -n)");
        assertThat(site.awaitBody("/api/ping", "pong").body()).isEqualTo("pong");
        assertThat(Files.getOwner(site.file()).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site.file()))).isEqualTo("rw-r-----");
    }

    @Test
    void aUserWhoseSudoWantsAPasswordGetsAClearErrorAndNothingChanges() throws Exception {
        TargetRequirement.root("the ds-pwsudo test user");
        NginxSite site = site("pwsudo");
        String before = site.sha256();

        StepHarness.Run run = harness().as(user("ds-pwsudo", true)).run(new NginxRoute(), params(site, "/api/"), "pwsudo run");

        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(run.check("lock " + site.file()).status()).isEqualTo(Status.ERROR);
        assertThat(run.check("lock " + site.file()).message()).contains("sudo on local asks for a password");
        assertThat(run.check("write " + site.file()).status()).isEqualTo(Status.SKIP);
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(tmp.resolve("backups")).doesNotExist();
    }

    @Test
    void nginxReadsEveryFileOfItsSitesDirectorySoLocksAndBackupsLiveElsewhereAndTempFilesAreHidden() throws Exception {
        LocalTarget t = TARGET.get();
        Path sites = NginxSite.sites(t);
        NginxSite site = site("traps");
        // The trap is real: a lock directory or a backup copy beside the site is read as configuration.
        Path lockBeside = Files.createDirectory(sites.resolve(site.file().getFileName() + ".lock"));
        assertThat(NginxSite.test(t)).contains("test failed");
        Files.delete(lockBeside);
        Path backupBeside = Files.write(sites.resolve(site.file().getFileName() + ".bak"), site.bytes());
        assertThat(NginxSite.test(t)).contains("conflicting server name");
        Files.delete(backupBeside);
        // ...and a name that starts with a dot, like the atomic writer's temporary file, is not.
        Path hidden = Files.writeString(sites.resolve("." + site.file().getFileName() + ".deploy-steps.abc123"), "not { valid nginx");
        assertThat(NginxSite.test(t)).contains("test is successful");
        Files.delete(hidden);

        // While the step tests the new file, its lock is held and its backup made: neither is in the sites directory.
        Path seen = tmp.resolve("seen-during-test");
        Path wrapper = tmp.resolve("test-and-look");
        Files.writeString(wrapper, "#!/bin/sh\nls -A " + sites + " > " + seen + "\nls -d /tmp/deploy-steps-nginx-*.lock >> " + seen
                + "\nexec " + t.get("NGINX_TEST_CMD") + "\n");
        wrapper.toFile().setExecutable(true);
        List<String> listing = NginxSite.sitesListing(t);
        Map<String, Object> p = params(site, "/api/");
        p.put("testCommand", wrapper.toString());

        StepHarness.Run run = harness().run(new NginxRoute(), p, "trap run");

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        String lock = new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath();
        // other sites' locks (other test runs on this machine) may be in /tmp too: only this site's counts
        List<String> during = Files.readAllLines(seen).stream().filter(l -> !l.startsWith("/tmp/deploy-steps-nginx-") || l.equals(lock)).toList();
        assertThat(during).containsAll(listing).contains(lock).hasSize(listing.size() + 1);
        assertThat(tmp.resolve("backups").resolve(run.report().fact("backup"))).isDirectory();
        assertThat(NginxSite.sitesListing(t)).isEqualTo(listing);
    }

    @Test
    void aSymlinkedSiteStaysALinkAndItsTargetIsWhatChanges() throws Exception {
        Path available = Files.createDirectories(tmp.resolve("sites-available"));
        Path real = Files.writeString(available.resolve("app"), "server {\n    listen 127.0.0.1:" + NginxSite.freePort() + ";\n}\n");
        Path link = NginxSite.sites(TARGET.get()).resolve("linked-" + System.nanoTime());
        Files.createSymbolicLink(link, real);
        closing.add(() -> {
            Files.deleteIfExists(link);
            NginxSite.reload(TARGET.get());
        });
        byte[] original = Files.readAllBytes(real);
        Map<String, Object> p = new LinkedHashMap<>(Map.of("host", "local", "site", link.toString(), "location", "/api/",
                "proxyPass", "http://127.0.0.1:" + upstream.port(), "backupDir", tmp.resolve("backups").toString()));

        StepHarness.Run added = harness().run(new NginxRoute(), p, "link run");
        assertThat(added.report().verdict().outcome()).as(added.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("location /api/ {");

        p.put("state", "absent");
        p.remove("proxyPass");
        StepHarness.Run removed = harness().run(new NginxRoute(), p, "link run");
        assertThat(removed.report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).isEqualTo(original);
    }
}
