package io.jenkins.plugins.deploysteps.engine.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.RandomInputs;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the server block, placing the managed block, refusing what is not ours, and the diff, on site files as text. */
class SiteEditorTest {
    static final Route API = new Route("/api/", "http://127.0.0.1:3000", RouteRules.DEFAULT_HEADERS, false, null, null);

    @TempDir
    Path tmp;

    private static SiteChange plan(String text, String serverName, Route route) throws SiteEditor.Problem {
        return SiteEditor.plan("/etc/nginx/sites-enabled/app", text, serverName, "/api/", route);
    }

    @Test
    void theBlockGoesBeforeTheServersClosingBraceIndentedLikeItsDirectives() throws Exception {
        String site = "server {\n\tlisten 80;\n\tserver_name app.example.com;\n}\n";
        SiteChange c = plan(site, null, API);
        assertThat(c.kind()).isEqualTo(SiteChange.Kind.ADDED);
        assertThat(c.after()).isEqualTo("server {\n\tlisten 80;\n\tserver_name app.example.com;\n"
                + "\t# BEGIN deploy-steps nginxRoute /api/\n"
                + "\tlocation /api/ {\n"
                + "\t\tproxy_pass http://127.0.0.1:3000;\n"
                + "\t\tproxy_set_header Host $host;\n"
                + "\t\tproxy_set_header X-Real-IP $remote_addr;\n"
                + "\t\tproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "\t\tproxy_set_header X-Forwarded-Proto $scheme;\n"
                + "\t}\n"
                + "\t# END deploy-steps nginxRoute /api/\n"
                + "}\n");
        assertThat(plan(c.after(), null, API).kind()).isEqualTo(SiteChange.Kind.UNCHANGED);
        assertThat(plan(c.after(), null, null).after()).isEqualTo(site);
    }

    @Test
    void everyVettedOptionIsWrittenAndCrlfFilesKeepTheirLineEndings() throws Exception {
        Route full = new Route("/api/", "https://[::1]:8443/v2/", List.of(new ProxyHeader("Host", "$http_host"), new ProxyHeader("X-Empty", ""),
                new ProxyHeader("X-Env", "prod eu (1)")), true, Duration.ofSeconds(90), ByteSize.parse("x", "10MB"));
        SiteChange c = plan("server {\r\n    listen 80;\r\n}\r\n", null, full);
        assertThat(c.after()).isEqualTo("server {\r\n    listen 80;\r\n"
                + "    # BEGIN deploy-steps nginxRoute /api/\r\n"
                + "    location /api/ {\r\n"
                + "        proxy_pass https://[::1]:8443/v2/;\r\n"
                + "        proxy_http_version 1.1;\r\n"
                + "        proxy_set_header Host $http_host;\r\n"
                + "        proxy_set_header X-Empty \"\";\r\n"
                + "        proxy_set_header X-Env \"prod eu (1)\";\r\n"
                + "        proxy_set_header Upgrade $http_upgrade;\r\n"
                + "        proxy_set_header Connection \"upgrade\";\r\n"
                + "        proxy_read_timeout 90s;\r\n"
                + "        client_max_body_size 10m;\r\n"
                + "    }\r\n"
                + "    # END deploy-steps nginxRoute /api/\r\n"
                + "}\r\n");
    }

    @Test
    void theServerBlockIsTheOnlyOneOrTheOneServerNameNames() throws Exception {
        String two = "# header { not a block\nserver {\n    listen 80;\n    server_name www.example.com example.com;\n    return 301 https://$host$request_uri;\n}\n"
                + "server {\n    listen 443 ssl;\n    server_name app.example.com;\n    location / { return 200 \"}{;#\"; }\n    set $x \"${host}\";\n}\n";
        assertThatThrownBy(() -> plan(two, null, API)).hasMessage("/etc/nginx/sites-enabled/app has 2 server blocks (the server block at line 2 "
                + "(server_name www.example.com example.com); the server block at line 7 (server_name app.example.com)): set serverName to choose one");
        SiteChange c = plan(two, "APP.example.com", API);
        assertThat(c.server()).isEqualTo("the server block at line 7 (server_name app.example.com)");
        assertThat(c.after()).contains("    set $x \"${host}\";\n    # BEGIN deploy-steps nginxRoute /api/\n");
        assertThat(c.after()).startsWith(two.substring(0, two.indexOf("server {\n    listen 443")));
        assertThatThrownBy(() -> plan(two, "other.example.com", API)).hasMessageStartingWith(
                "/etc/nginx/sites-enabled/app has no server block with server_name other.example.com (found: ");
        String http = "http {\n  server {\n    server_name a;\n  }\n  server {\n    server_name a;\n  }\n}\n";
        assertThatThrownBy(() -> plan(http, "a", API)).hasMessage("/etc/nginx/sites-enabled/app has 2 server blocks with server_name a (lines 2, 5): "
                + "nginxRoute cannot tell which one is meant");
        assertThatThrownBy(() -> plan("upstream x { server 127.0.0.1; }\n", null, API)).hasMessage("/etc/nginx/sites-enabled/app has no server block");
    }

    @Test
    void locationsItDidNotCreateAreNeverTouched() throws Exception {
        for (String mine : List.of("location /api/ {", "location ^~ /api/ {", "location = /api/ {", "location\n  /api/\n{")) {
            String site = "server {\n    listen 80;\n    " + mine + " return 204; }\n}\n";
            assertThatThrownBy(() -> plan(site, null, API)).as(mine).hasMessageContaining("which nginxRoute did not create: it is never changed");
            assertThatThrownBy(() -> plan(site, null, null)).as(mine).hasMessageContaining("which nginxRoute did not create");
        }
        // Other paths, regex locations and locations in other server blocks are not the same location.
        String others = "server {\n    server_name a;\n    location /api { }\n    location ~ ^/api/ { }\n    location /api/v2/ { }\n}\n"
                + "server {\n    server_name b;\n    location /api/ { }\n}\n";
        assertThat(SiteEditor.plan("/s", others, "a", "/api/", API).kind()).isEqualTo(SiteChange.Kind.ADDED);
    }

    @Test
    void brokenMarkersAndFilesNginxCannotReadAreRefusedWithTheirLine() throws Exception {
        String added = plan("server {\n    listen 80;\n}\n", null, API).after();
        String noEnd = added.replace("    # END deploy-steps nginxRoute /api/\n", "");
        assertThatThrownBy(() -> plan(noEnd, null, API)).hasMessage("/etc/nginx/sites-enabled/app line 3: '# BEGIN deploy-steps nginxRoute /api/' "
                + "has no END marker after it; fix the file by hand");
        String begin = "    # BEGIN deploy-steps nginxRoute /api/\n";
        String twice = added.replace(begin, begin + begin);
        assertThatThrownBy(() -> plan(twice, null, API)).hasMessage("/etc/nginx/sites-enabled/app has two 'BEGIN deploy-steps nginxRoute /api/' "
                + "markers (lines 3 and 4); fix the file by hand");
        assertThatThrownBy(() -> plan("server {\n    listen 80; }\n", null, API)).hasMessage("/etc/nginx/sites-enabled/app line 2: the closing brace of "
                + "the server block at line 1 (no server_name) shares its line with other text; put it on a line of its own so a block can go before it");
        assertThatThrownBy(() -> plan("server {\n    listen 80;\n", null, API)).hasMessageEndingWith("the 'server' block at line 1 is not closed");
        assertThatThrownBy(() -> plan("server {\n    return 200 \"x;\n}\n", null, API)).hasMessageEndingWith("the string at line 2 is not closed");
        assertThatThrownBy(() -> plan("server {\n    listen 80\n}\n", null, API)).hasMessageContaining("unexpected '}' at line 3");
        // A hand-edited managed block is ours: it is put back as asked.
        String edited = added.replace("proxy_pass http://127.0.0.1:3000;", "proxy_pass http://127.0.0.1:9999;");
        SiteChange c = plan(edited, null, API);
        assertThat(c.kind()).isEqualTo(SiteChange.Kind.UPDATED);
        assertThat(c.after()).isEqualTo(added);
    }

    @Test
    void theDiffIsUnifiedWithThreeLinesOfContextAndPatchAppliesIt() throws Exception {
        String before = "server {\n    listen 80;\n    server_name a;\n    root /srv;\n    index index.html;\n}\n# end";
        String after = plan(before, null, API).after();
        String diff = UnifiedDiff.of("/etc/nginx/sites-enabled/app", before, after);
        assertThat(diff).isEqualTo("--- /etc/nginx/sites-enabled/app\t(before)\n+++ /etc/nginx/sites-enabled/app\t(after)\n@@ -3,5 +3,14 @@\n"
                + "     server_name a;\n     root /srv;\n     index index.html;\n"
                + "+    # BEGIN deploy-steps nginxRoute /api/\n+    location /api/ {\n+        proxy_pass http://127.0.0.1:3000;\n"
                + "+        proxy_set_header Host $host;\n+        proxy_set_header X-Real-IP $remote_addr;\n"
                + "+        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n+        proxy_set_header X-Forwarded-Proto $scheme;\n"
                + "+    }\n+    # END deploy-steps nginxRoute /api/\n }\n # end\n\\ No newline at end of file\n");
        assertThat(UnifiedDiff.of("/x", before, before)).isEmpty();
        assertPatchGives(before, after, "");
        assertPatchGives(after, before, "");
    }

    @Test
    void addingThenRemovingGivesBackTheSameBytesAndPatchAppliesEveryDiff() throws Exception {
        RandomInputs random = new RandomInputs();
        for (int round = 0; round < 40; round++) {
            // The step reads a file's bytes as ISO-8859-1 (one character per byte): a UTF-8 file's 'é' is two characters.
            String site = new String(randomSite(random).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String with = plan(site, null, API).after();
            assertThat(plan(with, null, null).after()).as(random.replay() + "\n" + site).isEqualTo(site);
            if (round < 8) {
                assertPatchGives(site, with, random.replay());
            }
        }
    }

    /** A server block with random directives, comments, quoted strings with braces, blank lines, and non-ASCII bytes. */
    private static String randomSite(RandomInputs random) {
        var r = random.random();
        String indent = List.of("  ", "    ", "\t").get(r.nextInt(3));
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "# site\n" : "");
        b.append("server {\n");
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(switch (r.nextInt(6)) {
                case 0 -> indent + "listen " + (1000 + r.nextInt(9000)) + ";\n";
                case 1 -> indent + "# comment { with } braces; and \u00e9\n";
                case 2 -> "\n";
                case 3 -> indent + "location /p" + i + "/ {\n" + indent + indent + "return 200 \"}{ ;#'\";\n" + indent + "}\n";
                case 4 -> indent + "add_header X-A \"a; b\" always;\n";
                default -> indent + "set $v" + i + " \"${host}x\";\n";
            });
        }
        b.append("}\n");
        if (r.nextBoolean()) {
            b.append("# trailing");
        }
        return b.toString();
    }

    private void assertPatchGives(String before, String after, String replay) throws Exception {
        TargetRequirement.programs("applying diffs with patch", "patch");
        Path file = Files.write(tmp.resolve("site"), before.getBytes(StandardCharsets.ISO_8859_1));
        Path diff = Files.write(tmp.resolve("site.diff"), UnifiedDiff.of("site", before, after).getBytes(StandardCharsets.UTF_8));
        String out = LocalTarget.run(List.of("patch", "--batch", file.toString(), diff.toString()), Duration.ofSeconds(30), null, Map.of(), false);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(replay + "\n" + out + "\n" + before).isEqualTo(after);
        new ArrayList<>(List.of(file, diff)).forEach(p -> p.toFile().delete());
    }
}
