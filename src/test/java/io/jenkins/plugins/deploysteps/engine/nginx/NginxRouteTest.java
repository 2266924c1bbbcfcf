package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * nginxRoute end to end: a real nginx (the local target's, which includes {@code sites/*} as Debian does) changed
 * over a real sshd, real upstream HTTP servers on 127.0.0.1, requests through nginx to prove what it serves. The
 * host's nginxTestCommand and nginxReloadCommand are the target's (its nginx has its own prefix).
 */
class NginxRouteTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

    static final String OLD_ROUTE = "    location /old/ { return 200 \"old route\\n\"; }\n";

    @TempDir
    Path tmp;

    private RouteFixture routes;
    private TestHttpServer upstream;

    @BeforeEach
    void startUpstream() {
        routes = new RouteFixture(TARGET.get(), tmp);
        upstream = routes.upstream;
    }

    @AfterEach
    void close() throws Exception {
        routes.close();
    }

    private NginxSite site(String name, String inner) {
        return routes.site(name, inner);
    }

    private Map<String, Object> params(NginxSite site, Object... more) {
        return routes.params(site, more);
    }

    private StepHarness.Run run(Map<String, Object> params) throws Exception {
        return routes.run(params);
    }

    @Test
    void addsARouteThatReachesTheUpstreamThenChangesNothingUpdatesAndRemovesItBackToTheOriginalBytes() throws Exception {
        NginxSite site = site("app", OLD_ROUTE);
        byte[] original = site.bytes();
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);

        StepHarness.Run added = run(params(site));
        assertThat(added.report().verdict().outcome()).as(added.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(added.report().checks()).extracting(Check::name).containsExactly("connect to local", "nginx commands", "lock " + site.file(),
                "read " + site.file(), "location /api/", "backup", "write " + site.file(), "nginx -t", "reload", "probe " + site.url("/api/ping"));
        assertThat(site.awaitBody("/api/ping", "pong from upstream")).isEqualTo(new NginxSite.Response(200, "pong from upstream"));
        assertThat(upstream.lastHeaders("/api/ping")).containsEntry("x-real-ip", "127.0.0.1").containsKey("x-forwarded-for")
                .containsEntry("x-forwarded-proto", "http").containsEntry("host", "127.0.0.1");
        String diff = added.check("location /api/").evidence().get(0).text();
        assertThat(diff).startsWith("--- " + site.file() + "\t(before)\n+++ " + site.file() + "\t(after)\n@@ -1,4 +1,13 @@\n")
                .contains("+    # BEGIN deploy-steps nginxRoute /api/\n+    location /api/ {\n+        proxy_pass http://127.0.0.1:" + upstream.port() + ";\n")
                .contains("+        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n");
        assertThat(added.check("nginx -t").evidence()).singleElement().satisfies(e -> assertThat(e.text()).contains("syntax is ok"));
        assertThat(added.check("probe " + site.url("/api/ping")).evidence().get(0).text()).contains("pong from upstream");
        assertThat(added.check("nginx commands").actual()).isEqualTo("test: " + TARGET.get().get("NGINX_TEST_CMD") + "; reload: "
                + TARGET.get().get("NGINX_RELOAD_CMD"));
        assertThat(added.report().facts()).containsEntry("change", "added").containsKey("backup");
        assertThat(tmp.resolve("backups").resolve(added.report().fact("backup")).resolve("files/1")).hasBinaryContent(original);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");

        String afterAdd = site.sha256();
        StepHarness.Run again = run(params(site));
        assertThat(again.report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(again.check("location /api/").message()).isEqualTo("already as asked: nothing changed");
        assertThat(again.check("backup").status()).isEqualTo(Status.SKIP);
        assertThat(again.check("reload").message()).isEqualTo("nothing to change");
        assertThat(again.check("probe " + site.url("/api/ping")).status()).isEqualTo(Status.PASS);
        assertThat(site.sha256()).isEqualTo(afterAdd);
        assertThat(again.report().facts()).containsEntry("change", "unchanged").doesNotContainKey("backup");

        try (TestHttpServer second = TestHttpServer.http().on("/v2/api/ping", TestHttpServer.text(200, "pong from v2"))) {
            StepHarness.Run updated = run(params(site, "proxyPass", "http://127.0.0.1:" + second.port() + "/v2/api/", "websocket", true,
                    "proxyReadTimeout", "90s", "clientMaxBodySize", "10MB", "headers", Map.of("X-Forwarded-Proto", "https", "X-Env", "prod"),
                    "expectStatus", "200"));
            assertThat(updated.report().verdict().outcome()).as(updated.log().text()).isEqualTo(Outcome.SUCCESS);
            assertThat(updated.report().facts()).containsEntry("change", "updated");
            assertThat(updated.check("location /api/").evidence().get(0).text())
                    .contains("-        proxy_pass http://127.0.0.1:" + upstream.port() + ";\n")
                    .contains("+        proxy_pass http://127.0.0.1:" + second.port() + "/v2/api/;\n")
                    .contains("+        proxy_read_timeout 90s;\n+        client_max_body_size 10m;\n");
            // The old route answered the probe's status too, so the probe may have seen an old worker: wait for the body.
            assertThat(site.awaitBody("/api/ping", "pong from v2")).isEqualTo(new NginxSite.Response(200, "pong from v2"));
            assertThat(second.lastHeaders("/v2/api/ping")).containsEntry("x-forwarded-proto", "https").containsEntry("x-env", "prod");
        }

        StepHarness.Run removed = run(params(site, "state", "absent", "proxyPass", null, "expectStatus", "404"));
        assertThat(removed.report().verdict().outcome()).as(removed.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(removed.report().facts()).containsEntry("change", "removed");
        assertThat(site.bytes()).isEqualTo(original);
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
        assertThat(Path.of(new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath())).doesNotExist();
    }

    @Test
    void theDefaultBackupDirIsInTheSshUsersHomeAndATildePathIsAccepted() throws Exception {
        NginxSite site = site("home", OLD_ROUTE);
        byte[] original = site.bytes();
        StepHarness.Run run = run(params(site, "backupDir", null));
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        Path home = Path.of(System.getProperty("user.home"), ".deploy-steps/backups/nginx");
        Path folder;
        try (var folders = Files.list(home)) {
            folder = folders.filter(d -> d.resolve(run.report().fact("backup")).toFile().isDirectory()
                    && d.getFileName().toString().contains(site.file().getFileName().toString())).findFirst().orElseThrow();
        }
        String tilde = ".deploy-steps/test-backups-" + System.nanoTime();
        try {
            assertThat(folder.resolve(run.report().fact("backup")).resolve("files/1")).hasBinaryContent(original);
            StepHarness.Run removed = run(params(site, "state", "absent", "proxyPass", null, "expectStatus", "404", "backupDir", "~/" + tilde));
            assertThat(removed.report().verdict().outcome()).as(removed.log().text()).isEqualTo(Outcome.SUCCESS);
            assertThat(Path.of(System.getProperty("user.home"), tilde, removed.report().fact("backup"), "files/1")).exists();
        } finally {
            LocalTarget.run(List.of("rm", "-rf", "--", folder.toString(), Path.of(System.getProperty("user.home"), tilde).toString()),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void aRouteThatFailsNginxTestIsRestoredByteForByteAndTheOldRoutesStillAnswer() throws Exception {
        // nginx -t fails on something the step cannot see: a location /api/ that an included file already defines.
        Path extra = Files.writeString(tmp.resolve("extra-locations.conf"), "location /api/ { return 200 \"from the include\\n\"; }\n");
        NginxSite site = site("app", OLD_ROUTE + "    include " + extra + ";\n");
        String before = site.sha256();

        StepHarness.Run run = run(params(site));

        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        Check test = run.check("nginx -t");
        assertThat(test.status()).isEqualTo(Status.FAIL);
        assertThat(test.message()).contains("[emerg] duplicate location \"/api/\"");
        assertThat(test.evidence().get(0).text()).contains("test failed");
        assertThat(run.check("restore: " + site.file()).status()).as(run.log().text()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: reload").message()).isEqualTo("not needed: nginx never loaded the failed file");
        assertThat(run.check("reload").status()).isEqualTo(Status.SKIP);
        assertThat(run.report().verdict().reason()).contains("nginx -t");
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
        assertThat(site.awaitBody("/api/ping", "from the include\n").body()).isEqualTo("from the include\n");
        assertThat(run.report().fact("restored")).isEqualTo(site.file() + " from backup " + run.report().fact("backup"));
    }

    @Test
    void anUnresolvableUpstreamFailsNginxTestWithoutAnyDnsQueryLeavingTheMachine() throws Exception {
        // nginx resolves proxy_pass host names while it reads the configuration, through the C library, which would ask
        // the machine's name server about a .invalid name like any other. The test command therefore runs in a network
        // namespace of its own (unshare --net) with only a down loopback: the query cannot leave, resolution fails at once.
        NginxSite site = site("app", OLD_ROUTE);
        String before = site.sha256();

        StepHarness.Run run = run(params(site, "proxyPass", "http://upstream.invalid:3000/", "testCommand", "unshare --net -- "
                + TARGET.get().get("NGINX_TEST_CMD")));

        Check test = run.check("nginx -t");
        assertThat(test.status()).isEqualTo(Status.FAIL);
        assertThat(test.message()).contains("[emerg] host not found in upstream \"upstream.invalid\"");
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
    }

    @Test
    void aFailedReloadIsRestoredTestedAndReloadedAgain() throws Exception {
        NginxSite site = site("app", OLD_ROUTE);
        String before = site.sha256();
        // Fails the first time as a stopped nginx.service would, then reloads for real.
        Path reload = tmp.resolve("reload-fails-once");
        Files.writeString(reload, "#!/bin/sh\nif [ -e \"$0.failed\" ]; then exec " + TARGET.get().get("NGINX_RELOAD_CMD") + "; fi\n"
                + ": > \"$0.failed\"\necho 'nginx.service is not active, cannot reload.' >&2\nexit 1\n");
        reload.toFile().setExecutable(true);

        StepHarness.Run run = run(params(site, "reloadCommand", reload.toString()));

        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(run.check("reload").message()).isEqualTo(reload + " failed (exit 1): nginx.service is not active, cannot reload.");
        assertThat(run.check("restore: " + site.file()).status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: reload").status()).isEqualTo(Status.PASS);
        assertThat(run.check("probe " + site.url("/api/ping")).message()).isEqualTo("the reload failed: the site file was restored");
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
    }

    @Test
    void aFailedProbeIsRestoredReloadedAndTheNewRouteIsGoneAgain() throws Exception {
        upstream.on("/api/ping", TestHttpServer.text(500, "upstream broken"));
        NginxSite site = site("app", OLD_ROUTE);
        String before = site.sha256();

        StepHarness.Run run = run(params(site, "verifyTimeout", "2s"));

        Check probe = run.check("probe " + site.url("/api/ping"));
        assertThat(probe.status()).isEqualTo(Status.FAIL);
        assertThat(probe.message()).startsWith(site.url("/api/ping") + " answered 500, not 200-399 after ").endsWith(" in 2s (verifyTimeout)");
        assertThat(probe.attempts()).isGreaterThan(1);
        assertThat(probe.evidence().get(0).text()).contains("upstream broken");
        assertThat(run.check("restore: " + site.file()).status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: reload").status()).isEqualTo(Status.PASS);
        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
    }

    @Test
    void aConnectionLostDuringTheProbeIsNoticedAndTheRunConnectsAgainToRestoreAndReleaseTheLock() throws Exception {
        upstream.on("/api/ping", TestHttpServer.text(500, "upstream broken"));
        NginxSite site = site("app", OLD_ROUTE);
        String before = site.sha256();
        long sshd = Long.parseLong(TARGET.get().get("SSHD_PID"));
        Instant started = Instant.now();
        CompletableFuture<StepHarness.Run> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(params(site, "verifyTimeout", "8s"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (upstream.hits("/api/ping") == 0 && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(20);
        }
        // The probe is under way, the SSH session idle: kill the sessions the run opened, as a dropped network would.
        List<ProcessHandle> sessions = ProcessHandle.of(sshd).orElseThrow().children()
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(started.minusSeconds(1))).orElse(false)).toList();
        assertThat(sessions).isNotEmpty();
        sessions.forEach(ProcessHandle::destroyForcibly);

        StepHarness.Run run = running.get(2, TimeUnit.MINUTES);

        assertThat(run.check("probe " + site.url("/api/ping")).status()).isEqualTo(Status.FAIL);
        assertThat(run.check("reconnect to local").status()).as(run.log().text()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: " + site.file()).status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: reload").status()).isEqualTo(Status.PASS);
        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
        assertThat(Path.of(new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath())).as("released over the new connection")
                .doesNotExist();
    }

    @Test
    void anUnmanagedLocationWithTheSamePathIsNeverTouched() throws Exception {
        NginxSite site = site("app", "    location /api/ {\n        return 200 \"hand-made\\n\";\n    }\n");
        String before = site.sha256();

        StepHarness.Run run = run(params(site));

        Check location = run.check("location /api/");
        assertThat(location.status()).isEqualTo(Status.FAIL);
        assertThat(location.message()).isEqualTo(site.file() + " line 3 has 'location /api/', which nginxRoute did not create: it is never "
                + "changed; remove it by hand or choose another location");
        assertThat(run.check("backup").message()).isEqualTo("the change could not be planned: nothing was changed");
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(site.awaitBody("/api/ping", "hand-made\n").body()).isEqualTo("hand-made\n");
        StepHarness.Run removing = run(params(site, "state", "absent", "proxyPass", null));
        assertThat(removing.check("location /api/").status()).isEqualTo(Status.FAIL);
        assertThat(site.sha256()).isEqualTo(before);
    }

    @Test
    void aDryRunShowsTheDiffAndTestsTheWholeConfigurationWithoutTouchingTheLiveFileOrServer() throws Exception {
        NginxSite site = site("app", OLD_ROUTE);
        String before = site.sha256();
        List<String> listing = NginxSite.sitesListing(TARGET.get());

        StepHarness.Run run = run(params(site, "dryRun", true));

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.check("location /api/").evidence().get(0).text()).contains("+    location /api/ {");
        assertThat(run.check("nginx -t").message()).isEqualTo("tested in a private mount namespace; the live file was not touched");
        assertThat(run.check("nginx -t").evidence().get(0).text()).contains("syntax is ok");
        assertThat(run.check("write " + site.file()).message()).isEqualTo("dry run: printed, not run");
        assertThat(run.check("reload").status()).isEqualTo(Status.SKIP);
        assertThat(run.log().text()).contains("(dry run, not run) ").contains("] $ sh -c");
        assertThat(site.sha256()).isEqualTo(before);
        assertThat(NginxSite.sitesListing(TARGET.get())).isEqualTo(listing);
        assertThat(tmp.resolve("backups")).doesNotExist();
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");

        // The dry run's test is real: a candidate nginx would refuse fails it, still without a change.
        Path extra = Files.writeString(tmp.resolve("dup.conf"), "location /api/ { return 200 \"include\\n\"; }\n");
        NginxSite withInclude = site("dup", OLD_ROUTE + "    include " + extra + ";\n");
        String includeBefore = withInclude.sha256();
        StepHarness.Run failing = run(params(withInclude, "dryRun", true));
        assertThat(failing.check("nginx -t").status()).isEqualTo(Status.FAIL);
        assertThat(failing.check("nginx -t").message()).startsWith("nginx -t fails with the new site file (nothing was changed): ")
                .contains("duplicate location");
        assertThat(failing.report().checks()).extracting(Check::name).noneMatch(n -> n.startsWith("restore"));
        assertThat(withInclude.sha256()).isEqualTo(includeBefore);
        assertThat(NginxSite.test(TARGET.get())).contains("test is successful");
    }
}
