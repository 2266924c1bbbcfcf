package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginxRoute with {@code state: 'restored'} against the real local target: the site file back byte for byte from a
 * backup a run made, with the same lock, test, reload, probe and undo as any change; ids that are not there refused
 * with nothing changed.
 */
class NginxRouteRestoreTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

    @TempDir
    Path tmp;

    private RouteFixture routes;

    @BeforeEach
    void startUpstream() {
        routes = new RouteFixture(TARGET.get(), tmp);
    }

    @AfterEach
    void close() throws Exception {
        routes.close();
    }

    private Map<String, Object> restore(NginxSite site, String backup, Object... more) {
        Map<String, Object> p = routes.params(site, more);
        p.remove("proxyPass");
        p.put("state", "restored");
        p.put("backup", backup);
        return p;
    }

    private List<String> backups() throws Exception {
        Path dir = tmp.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRestoreAfterAnUpdatePutsTheSiteBackByteForByteAndIsItselfUndoable() throws Exception {
        NginxSite site = routes.site("restore", NginxRouteTest.OLD_ROUTE);
        byte[] original = site.bytes();
        StepHarness.Run added = routes.run(routes.params(site));
        assertThat(added.report().verdict().outcome()).as(added.log().text()).isEqualTo(Outcome.SUCCESS);
        byte[] afterAdd = site.bytes();
        StepHarness.Run updated;
        try (TestHttpServer second = TestHttpServer.http().on("/v2/api/ping", TestHttpServer.text(200, "pong from v2"))) {
            updated = routes.run(routes.params(site, "proxyPass", "http://127.0.0.1:" + second.port() + "/v2/api/", "headers",
                    Map.of("X-Env", "prod")));
            assertThat(updated.report().facts()).containsEntry("change", "updated");
            assertThat(site.awaitBody("/api/ping", "pong from v2").body()).isEqualTo("pong from v2");
        }
        String backup = updated.report().fact("backup");

        StepHarness.Run restored = routes.run(restore(site, backup));

        assertThat(restored.report().verdict().outcome()).as(restored.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(restored.report().checks()).extracting(Check::name).containsExactly("connect to local", "nginx commands", "lock " + site.file(),
                "read " + site.file(), "find backup " + backup, "backup", "write " + site.file(), "nginx -t", "reload", "probe " + site.url("/api/ping"));
        assertThat(site.bytes()).isEqualTo(afterAdd);
        assertThat(site.awaitBody("/api/ping", "pong from upstream").body()).isEqualTo("pong from upstream");
        assertThat(restored.report().facts()).containsEntry("change", "restored").containsEntry("restoredFrom", backup);
        Check found = restored.check("find backup " + backup);
        assertThat(found.actual()).isEqualTo(afterAdd.length + " bytes, sha256 " + NginxSite.sha256(afterAdd).substring(0, 12)
                + "; made before: updated location /api/ in " + site.file());
        assertThat(found.message()).isEqualTo("the site file goes back to backup " + backup);
        assertThat(found.evidence().get(0).text()).contains("+        proxy_pass http://127.0.0.1:" + routes.upstream.port() + ";\n")
                .contains("-        proxy_set_header X-Env \"prod\";\n");
        // The restore backed up what it replaced, so it can be undone the same way.
        String beforeRestore = restored.report().fact("backup");
        assertThat(beforeRestore).isNotEqualTo(backup);
        assertThat(tmp.resolve("backups").resolve(beforeRestore).resolve("notes/change")).hasContent("restored location /api/ in " + site.file());

        StepHarness.Run again = routes.run(restore(site, backup));
        assertThat(again.report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(again.check("find backup " + backup).message()).isEqualTo("already as asked: nothing changed");
        assertThat(again.check("backup").message()).isEqualTo("nothing to change");
        assertThat(again.report().facts()).containsEntry("change", "unchanged").doesNotContainKey("backup");
        assertThat(site.bytes()).isEqualTo(afterAdd);

        StepHarness.Run first = routes.run(restore(site, added.report().fact("backup"), "expectStatus", "404"));
        assertThat(first.report().verdict().outcome()).as(first.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(site.bytes()).isEqualTo(original);
        assertThat(site.awaitStatus("/api/ping", 404).status()).isEqualTo(404);
        assertThat(site.awaitBody("/old/", "old route\n").body()).isEqualTo("old route\n");
        assertThat(Path.of(new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath())).doesNotExist();
    }

    @Test
    void anIdTheBackupFolderDoesNotHaveOrABackupOfAnotherFileIsRefusedAndNothingChanges() throws Exception {
        NginxSite site = routes.site("unknown", NginxRouteTest.OLD_ROUTE);
        NginxSite other = routes.site("other", NginxRouteTest.OLD_ROUTE);
        String made = routes.run(routes.params(site)).report().fact("backup");
        StepHarness.Run ofOther = routes.run(routes.params(other));
        assertThat(ofOther.report().verdict().outcome()).as(ofOther.log().text()).isEqualTo(Outcome.SUCCESS);
        String before = site.sha256();
        List<String> backups = backups();
        List<String> listing = NginxSite.sitesListing(TARGET.get());

        StepHarness.Run unknown = routes.run(restore(site, "20000101T000000Z"));

        assertThat(unknown.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        Check found = unknown.check("find backup 20000101T000000Z");
        assertThat(found.status()).isEqualTo(Status.FAIL);
        assertThat(found.message()).isEqualTo("there is no backup 20000101T000000Z in " + tmp.resolve("backups") + "; the newest there: "
                + String.join(", ", backups));
        assertThat(unknown.check("backup").message()).isEqualTo("the change could not be planned: nothing was changed");
        assertThat(unknown.check("write " + site.file()).status()).isEqualTo(Status.SKIP);
        assertThat(unknown.check("reload").status()).isEqualTo(Status.SKIP);
        assertThat(unknown.report().verdict().reason()).contains("there is no backup 20000101T000000Z");

        // Both sites keep their backups in one folder here: the other site's backup holds no copy of this one.
        String otherBackup = ofOther.report().fact("backup");
        StepHarness.Run wrongFile = routes.run(restore(site, otherBackup));
        assertThat(wrongFile.check("find backup " + otherBackup).message()).isEqualTo("backup " + otherBackup + " holds no copy of " + site.file()
                + " (it holds " + other.file() + ")");
        assertThat(wrongFile.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);

        StepHarness.Run empty = routes.run(restore(site, made, "backupDir", tmp.resolve("no-backups").toString()));
        assertThat(empty.check("find backup " + made).message()).isEqualTo("there is no backup " + made + " in " + tmp.resolve("no-backups")
                + " (it holds none)");

        assertThat(site.sha256()).isEqualTo(before);
        assertThat(backups()).isEqualTo(backups);
        assertThat(tmp.resolve("no-backups")).doesNotExist();
        assertThat(NginxSite.sitesListing(TARGET.get())).isEqualTo(listing);
        assertThat(site.awaitBody("/api/ping", "pong from upstream").body()).isEqualTo("pong from upstream");
        assertThat(Path.of(new RouteTarget("local", site.file().toString(), null, "/api/", true).lockPath())).doesNotExist();
    }

    @Test
    void aBackupThatNoLongerPassesNginxTestIsNotLeftInPlace() throws Exception {
        // The backup includes a file that has since gained a location the site defines itself: putting it back fails nginx -t.
        Path extra = Files.writeString(tmp.resolve("extra.conf"), "");
        NginxSite site = routes.site("stale", NginxRouteTest.OLD_ROUTE + "    include " + extra + ";\n");
        String backup = routes.run(routes.params(site)).report().fact("backup");
        byte[] current = site.text().replace("    include " + extra + ";\n", "").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(site.file(), current);
        Files.writeString(extra, "location /old/ { return 200 \"duplicate\\n\"; }\n");

        StepHarness.Run run = routes.run(restore(site, backup));

        assertThat(run.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(run.check("nginx -t").message()).contains("[emerg] duplicate location \"/old/\"");
        assertThat(run.check("restore: " + site.file()).status()).as(run.log().text()).isEqualTo(Status.PASS);
        assertThat(run.check("restore: nginx -t").status()).isEqualTo(Status.PASS);
        assertThat(run.check("reload").message()).isEqualTo("nginx -t failed: the site file was restored");
        assertThat(site.bytes()).isEqualTo(current);
        assertThat(site.awaitBody("/api/ping", "pong from upstream").body()).isEqualTo("pong from upstream");
    }
}
