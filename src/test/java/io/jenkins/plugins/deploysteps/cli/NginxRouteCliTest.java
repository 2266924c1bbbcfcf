package io.jenkins.plugins.deploysteps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** nginxRoute in a CLI plan, under exactly the Jenkins parameter names, with the plan host's nginx commands. */
class NginxRouteCliTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndNginx();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), k -> null).run(args);
    }

    private static String hosts(LocalTarget t) {
        return CliTest.hostsYaml(t) + "    nginxTestCommand: " + t.get("NGINX_TEST_CMD") + "\n    nginxReloadCommand: " + t.get("NGINX_RELOAD_CMD") + "\n";
    }

    @Test
    void aPlanAddsARouteVerifiesItAndADryRunRemovalChangesNothing() throws Exception {
        try (TestHttpServer app = TestHttpServer.http().on("/api/health", TestHttpServer.json(200, "{\"status\":\"ok\"}"));
                NginxSite site = NginxSite.withServer(TARGET.get(), "cli-" + System.nanoTime(), "")) {
            Path plan = Files.writeString(dir.resolve("plan.yaml"), hosts(TARGET.get()) + "steps:\n"
                    + "  - nginxRoute:\n      host: local\n      site: " + site.file() + "\n      location: /api/\n"
                    + "      proxyPass: http://127.0.0.1:" + app.port() + "\n      headers: {X-Forwarded-Proto: https}\n"
                    + "      verifyUrl: " + site.url("/api/health") + "\n      expectStatus: 200\n      backupDir: " + dir.resolve("backups")
                    + "\n      reportName: route\n"
                    + "  - nginxRoute: {host: local, site: " + site.file() + ", location: /api/, state: absent, dryRun: true, backupDir: "
                    + dir.resolve("backups") + ", reportName: removal}\n");
            int exit = cli("run", plan.toString(), "--report-dir", dir.resolve("reports").toString());
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(text).contains("[PASS] probe " + site.url("/api/health")).contains("nginxRoute 'route' on local:" + site.file() + " /api/: SUCCESS")
                    .contains("(dry run, not run) write " + site.file()).contains("nginxRoute 'removal' on local:");
            assertThat(Files.readString(dir.resolve("reports/route.json"))).contains("+        proxy_set_header X-Forwarded-Proto \\\"https\\\";");
            assertThat(site.text()).contains("location /api/ {");
            assertThat(site.awaitBody("/api/health", "{\"status\":\"ok\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void aBadParameterIsAPlanErrorNamingStepAndField() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.yaml"), hosts(TARGET.get())
                + "steps:\n  - nginxRoute: {host: local, site: /etc/nginx/sites-enabled/app, location: '/api/{', proxyPass: 'http://x'}\n");
        assertThat(cli("run", plan.toString())).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("plan.yaml:\\d+:67: \\Qsteps[0] (nginxRoute): location: '/api/{' contains '{'; allowed: \\E");
        assertThat(cli("help", "nginxRoute")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("proxyPass").contains("verifyUrl").contains("testCommand");
    }
}
