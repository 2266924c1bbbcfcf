package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** nginxRoute's parameters: defaults, rules and messages, all before anything touches a host. */
class NginxRouteBindTest {
    private static final Map<String, Object> MINIMAL = Map.of("host", "prod-1", "site", "/etc/nginx/sites-enabled/app", "location", "/api/new-feature/",
            "proxyPass", "http://localhost:3000/");

    private static NginxRouteSpec bind(Object... more) {
        Map<String, Object> p = new LinkedHashMap<>(MINIMAL);
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                p.remove((String) more[i]);
            } else {
                p.put((String) more[i], more[i + 1]);
            }
        }
        return new NginxRoute().bind(Params.of(p));
    }

    private static void assertBad(String message, Object... more) {
        assertThatThrownBy(() -> bind(more)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    @Test
    void defaults() throws Exception {
        NginxRouteSpec s = bind();
        assertThat(s.target().present()).isTrue();
        assertThat(s.target().serverName()).isNull();
        assertThat(s.route().headers()).isEqualTo(RouteRules.DEFAULT_HEADERS);
        assertThat(s.route().websocket()).isFalse();
        assertThat(s.verify()).isNull();
        assertThat(s.settings().testCommand()).isNull();
        assertThat(s.settings().reloadCommand()).isNull();
        assertThat(s.settings().backupDir()).as("in the SSH user's home, which a non-root deploy user can write")
                .matches("~/\\.deploy-steps/backups/nginx/etc_nginx_sites-enabled_app-[0-9a-f]{8}");
        assertThat(s.target().lockPath()).matches("/tmp/deploy-steps-nginx-etc_nginx_sites-enabled_app-[0-9a-f]{8}\\.lock");
        assertThat(new RouteTarget("h", "/a_b", null, "/", true).siteKey()).isNotEqualTo(new RouteTarget("h", "/a/b", null, "/", true).siteKey());
        assertThat(s.settings().keepBackups()).isEqualTo(5);
        assertThat(s.settings().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.settings().lockWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.common().reportName()).isEqualTo("nginxRoute");
        assertThat(s.hosts()).containsExactly("prod-1");
        NginxRouteSpec v = bind("verifyUrl", "https://app.example.com/api/new-feature/health?x=1;y=$z");
        assertThat(v.verify().expect().toString()).isEqualTo("200-399");
        assertThat(v.verify().timeout()).isEqualTo(Duration.ofSeconds(10));
        // Jenkins sends the spec to the agent.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(v);
        }
    }

    @Test
    void theUpstreamIsRebuiltFromItsCheckedParts() {
        assertThat(bind("proxyPass", "https://backend").route().proxyPass()).isEqualTo("https://backend");
        assertThat(bind("proxyPass", "http://[::1]:8080/v2/").route().proxyPass()).isEqualTo("http://[::1]:8080/v2/");
        assertBad("proxyPass: 'ftp://x/' is not an upstream URL such as 'http://127.0.0.1:3000/' or 'https://backend:8443'", "proxyPass", "ftp://x/");
        assertBad("proxyPass: 'user@host' is not a host name or IP address (user names and passwords are not allowed either)",
                "proxyPass", "http://user@host/");
        assertBad("proxyPass: 70000 is not a TCP port (1 to 65535)", "proxyPass", "http://h:70000/");
        assertBad("proxyPass: '-h' is not a host name or IP address (user names and passwords are not allowed either)", "proxyPass", "http://-h/");
        assertBad("proxyPass: 'http://h/a;b' contains ';'; allowed: URL characters without quotes, ';', '$', '#' or '\\'", "proxyPass", "http://h/a;b");
        assertBad("proxyPass: is required", "proxyPass", null);
    }

    @Test
    void headersAreVettedVariablesOrQuotedLiteralsAndReplaceDefaultsInPlace() {
        NginxRouteSpec s = bind("headers", Map.of("x-forwarded-proto", "https"));
        assertThat(s.route().headers()).extracting(ProxyHeader::name).containsExactly("Host", "X-Real-IP", "X-Forwarded-For", "x-forwarded-proto");
        assertThat(s.route().headers().get(3).rendered()).isEqualTo("\"https\"");
        assertThat(bind("headers", Map.of("X-Id", "$request_id")).route().headers().get(4).rendered()).isEqualTo("$request_id");
        assertBad("headers[X-A]: '$request_body' is not one of the nginx variables a header may be set to: $host, $http_host, $http_upgrade, "
                + "$proxy_add_x_forwarded_for, $proxy_host, $realip_remote_addr, $remote_addr, $request_id, $scheme, $server_name, $server_port",
                "headers", Map.of("X-A", "$request_body"));
        assertBad("headers[X-A]: 'a\"b' contains '\"'; allowed: letters, digits, blanks and ._:/=,+@()!*~?&%- (or one whole nginx variable such as $host)",
                "headers", Map.of("X-A", "a\"b"));
        assertBad("headers[Upgrade]: is set by websocket: true", "websocket", true, "headers", Map.of("Upgrade", "x"));
    }

    @Test
    void restoringNeedsABackupIdAndNothingThatShapesTheBlock() {
        NginxRouteSpec s = bind("state", "restored", "backup", "20260101T120000Z-02", "proxyPass", null, "verifyUrl", "http://127.0.0.1/api/");
        assertThat(s.restoreFrom()).isEqualTo("20260101T120000Z-02");
        assertThat(s.route()).isNull();
        assertThat(s.verify()).isNotNull();
        assertThat(bind().restoreFrom()).isNull();
        assertBad("backup: is required with state 'restored': the id of the backup to put back, like 20260101T120000Z", "state", "restored",
                "proxyPass", null);
        assertBad("backup: only applies to state 'restored'", "backup", "20260101T120000Z");
        assertBad("backup: only applies to state 'restored'", "state", "absent", "proxyPass", null, "backup", "20260101T120000Z");
        assertBad("proxyPass: does not apply to state 'restored': the whole site file goes back as the backup holds it", "state", "restored",
                "backup", "20260101T120000Z");
        assertBad("serverName: does not apply to state 'restored': the whole site file goes back as the backup holds it", "state", "restored",
                "backup", "20260101T120000Z", "proxyPass", null, "serverName", "app.example.com");
        for (String garbage : List.of("latest", "../20260101T120000Z", "20260101T120000Z/..", "2026-01-01", "20260101T120000Z;rm -rf /", " x")) {
            assertThatThrownBy(() -> bind("state", "restored", "backup", garbage, "proxyPass", null)).as(garbage)
                    .isInstanceOf(SpecException.class).hasMessageStartingWith("backup: ").hasMessageContaining(" is not a backup id like 20260101T120000Z");
        }
    }

    @Test
    void removingNeedsOnlyTheLocationAndAProbeNeedsItsUrl() {
        NginxRouteSpec s = bind("state", "absent", "proxyPass", null, "verifyUrl", "http://127.0.0.1/api/", "expectStatus", "404");
        assertThat(s.route()).isNull();
        assertThat(s.verify().expect().toString()).isEqualTo("404");
        assertBad("proxyPass: only applies to state 'present'; removing a route needs only its location", "state", "absent");
        assertBad("websocket: only applies to state 'present'; removing a route needs only its location", "state", "absent", "proxyPass", null,
                "websocket", false);
        assertBad("expectStatus: needs verifyUrl", "expectStatus", "200");
        assertBad("state: 'gone' is not one of 'present', 'absent', 'restored'", "state", "gone");
        assertBad("verifyUrl: 'ftp://h/' is not an http:// or https:// URL with a host", "verifyUrl", "ftp://h/");
        assertBad("verifyUrl: must not carry a user name or password", "verifyUrl", "https://u:p@h/");
        assertBad("verifyUrl: 'https://h/#top' contains '#'; allowed: URL characters (no blanks, quotes, braces, '\\', '#' or line breaks)",
                "verifyUrl", "https://h/#top");
    }

    @Test
    void pathsCommandsAndTheBackupFolderFollowTheirRules() {
        assertBad("location: '/api/\\u000aproxy_pass x' contains a line break; allowed: letters, digits and ._~/+,=:@!*%-", "location", "/api/\nproxy_pass x");
        assertBad("location: 'api/' must start with '/' (a prefix location such as '/api/new-feature/')", "location", "api/");
        assertBad("location: 'a\\u2028b' contains a Unicode line separator (U+2028); allowed: letters, digits and ._~/+,=:@!*%-", "location", "a\u2028b");
        assertBad("location: is 201 characters long; at most 200 are allowed", "location", "/" + "a".repeat(200));
        assertBad("site: '/etc/nginx/../app' must not contain '.' or '..' segments", "site", "/etc/nginx/../app");
        assertBad("site: 'sites/app' must be an absolute path to a file", "site", "sites/app");
        assertBad("backupDir: '/etc/nginx/sites-enabled/backups' is inside the site's directory /etc/nginx/sites-enabled/, which nginx may include "
                + "as a whole (include sites-enabled/*): keep backups elsewhere", "backupDir", "/etc/nginx/sites-enabled/backups");
        assertBad("backupDir: '/etc/nginx/sites-enabled' is inside the site's directory /etc/nginx/sites-enabled/, which nginx may include "
                + "as a whole (include sites-enabled/*): keep backups elsewhere", "backupDir", "/etc/nginx/sites-enabled");
        assertThat(bind("backupDir", "/etc/nginx/backups").settings().backupDir()).isEqualTo("/etc/nginx/backups");
        assertThat(bind("backupDir", "~/nginx-backups").settings().backupDir()).isEqualTo("~/nginx-backups");
        assertBad("backupDir: '~/../etc' is not a folder in the SSH user's home: use ~/ and then letters, digits and ._/+@,=-, with no '.' or "
                + "'..' segments", "backupDir", "~/../etc");
        assertThat(bind("testCommand", "  sudo   nginx -t ").settings().testCommand()).containsExactly("sudo", "nginx", "-t");
        assertBad("testCommand: 'nginx -t && reboot' contains '&'; allowed: letters, digits, blanks and _./:=@%+,- (no shell syntax)",
                "testCommand", "nginx -t && reboot");
        assertBad("reloadCommand: 'kill -HUP $(cat /run/nginx.pid)' contains '$'; allowed: letters, digits, blanks and _./:=@%+,- (no shell syntax)",
                "reloadCommand", "kill -HUP $(cat /run/nginx.pid)");
        assertBad("serverName: 'a b' contains a blank; allowed: letters, digits and *_.-", "serverName", "a b");
        assertBad("proxyReadTimeout: must be longer than zero and at most 24h", "proxyReadTimeout", "25h");
        assertBad("keepBackups: 0 is out of range (1 to 100)", "keepBackups", 0);
        assertBad("sitee: unknown parameter (did you mean 'site'?); known: host, site, location, state, backup, serverName, proxyPass, websocket, headers, "
                + "proxyReadTimeout, clientMaxBodySize, verifyUrl, expectStatus, verifyTimeout, testCommand, reloadCommand, backupDir, keepBackups, "
                + "timeout, lockTimeout, dryRun, reportName, onFailure, archive, verbose", "sitee", "x");
        assertThat(List.of(bind("headers", Map.of("X-A", "a b")).route().headers().get(4).rendered())).containsExactly("\"a b\"");
    }
}
