package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.StepHarness;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue-green's magic-link check of the new copy against the real target: a node app whose login links go out by SMTP
 * to a MailDev that runs as a service of the same compose project (containers cannot reach the host's 127.0.0.1), both
 * on the host's node, mounted read-only (no image registry is reachable); nginx in front. The login is checked on the
 * copy's temporary port before nginx is switched; a copy whose login fails is removed with the old version serving.
 */
class BlueGreenMagicLinkTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdNginxAndPodman();

    @TempDir
    static Path tmp;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
            .proxy(ProxySelector.of(null)).build();

    private static ComposeApp app;
    private static NginxSite site;
    private static int mailPort;
    private static int versions;

    @BeforeAll
    static void appWithItsMailServerBehindNginx() throws IOException, InterruptedException {
        TargetRequirement.programs("MailDev and node", "maildev", "node");
        Path node = Path.of("/usr/bin/node").toRealPath();
        Path maildev = Path.of("/usr/bin/maildev").toRealPath();
        assertThat(List.of(node, maildev)).as("node and MailDev under /usr, which the containers mount").allMatch(p -> p.startsWith("/usr/"));
        app = ComposeApp.create(TARGET.get(), tmp);
        mailPort = ComposeApp.freePort();
        String hostRuntime = "    volumes:\n      - /usr:/usr:ro\n      - /usr/lib:/lib:ro\n      - /usr/lib64:/lib64:ro\n";
        app.write("app.js", resource("magic-link-app.js"))
                .dockerfile(app.dockerfileText("COPY app.js /app.js", "CMD [\"" + node + "\", \"/app.js\"]"))
                .compose("services:\n  web:\n    build: .\n    ports:\n      - \"127.0.0.1:" + app.port() + ":8080\"\n    env_file: .env\n"
                        + hostRuntime + "      - data:/data\n"
                        + ComposeApp.healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", \"/dev/null\", \"http://127.0.0.1:8080/ready\"]", "60s")
                        + "  mail:\n    build: .\n    command: [\"" + node + "\", \"" + maildev + "\", \"--smtp\", \"1025\", \"--web\", \"1080\", \"--ip\", "
                        + "\"0.0.0.0\", \"--web-ip\", \"0.0.0.0\", \"--mail-directory\", \"/tmp/mail\", \"--silent\"]\n    ports:\n      - \"127.0.0.1:"
                        + mailPort + ":1080\"\n" + hostRuntime + "    tmpfs:\n      - /tmp\nvolumes:\n  data: {}\n");
        app.upWithDockerCompose();
        site = NginxSite.withServer(TARGET.get(), "ml-" + app.project(), "    location / {\n        proxy_pass http://127.0.0.1:" + app.port() + ";\n    }\n");
        assertThat(site.awaitBody("/", "v1\n").status()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!mailDevHealth().equals("true") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(mailDevHealth()).as(() -> "MailDev in the project: "
                + LocalTarget.run(List.of("podman", "logs", app.project() + "_mail_1"), Duration.ofMinutes(1), null, Map.of(), false)).isEqualTo("true");
    }

    @AfterAll
    static void removeIt() {
        if (app != null) {
            app.close();
            LocalTarget.run(List.of("podman", "volume", "rm", "-f", app.project() + "_data"), Duration.ofMinutes(1), null,
                    Map.of("DOCKER_HOST", TARGET.get().get("DOCKER_HOST")), false);
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aCopyWhoseLoginWorksIsSwitchedToAndWhatItLearnsIsMasked() throws Exception {
        String site0 = site.sha256();
        String v = nextVersion();

        StepHarness.Run run = deploy(params(login()));

        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.report().checks()).extracting(Check::name).containsSubsequence(BlueGreen.START, "new copy: service web-next is up",
                "new copy: GET http://127.0.0.1:" + app.port() + "/ready", "new copy: test email address", "new copy: request magic link",
                "new copy: magic link email", "new copy: magic link and token", "new copy: verify token",
                "new copy: authenticated: profile", "new copy: invalid token rejected", "new copy: used token rejected on second use",
                "new copy: no session rejected", Switch.TO_NEW, "compose up", Switch.BACK, BlueGreen.REMOVE);
        assertThat(run.report().checks()).filteredOn(c -> c.name().startsWith("new copy: ")).hasSizeGreaterThan(10)
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASS));
        List<String> issued = issued(v);
        assertThat(issued).as("the new version issued the token and the session the check used").anyMatch(l -> l.startsWith("token "))
                .anyMatch(l -> l.startsWith("session "));
        String everything = run.everything();
        for (String line : issued) {
            assertThat(everything).as("what the login learned is masked everywhere").doesNotContain(line.substring(line.indexOf(' ') + 1));
        }
        assertThat(app.http()).isEqualTo(v);
        assertThat(site.get("/").body().strip()).isEqualTo(v);
        assertThat(site.sha256()).isEqualTo(site0);
        assertThat(copies()).isEmpty();
    }

    @Test
    void aNewVersionWhoseLoginFailsIsNeverSwitchedTo() throws Exception {
        Map<String, Object> params = params(login());
        StepHarness.Run run = assertOldVersionKept(() -> deploy(params), "new copy: verify token");
        assertThat(run.check("new copy: verify token").message()).contains("500");
        assertThat(run.check(Switch.TO_NEW).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void aBaseUrlOffThePublishedPortIsAnErrorBeforeTheSwitch() throws Exception {
        int elsewhere = ComposeApp.freePort();
        Map<String, Object> login = login();
        login.put("baseUrl", "http://127.0.0.1:" + elsewhere);
        Map<String, Object> params = params(login);
        StepHarness.Run run = assertOldVersionKept(() -> deploy(params), "new copy: request magic link");
        assertThat(run.check("new copy: request magic link").message()).isEqualTo("baseUrl http://127.0.0.1:" + elsewhere
                + " does not address the published port of a routed service (web: " + app.port() + "): it would check the old version");
    }

    @Test
    void aCopyThatFailsAVerifyCheckIsNotLoggedInto() throws Exception {
        Map<String, Object> params = params(login());
        params.put("verify", List.of(Map.of("url", "http://127.0.0.1:" + app.port() + "/missing", "expectStatus", 200)));
        params.put("waitTimeout", "8s");
        StepHarness.Run run = assertOldVersionKept(() -> deploy(params), "new copy: GET http://127.0.0.1:" + app.port() + "/missing");
        Check login = run.check("new copy: request magic link");
        assertThat(login.status()).isEqualTo(Status.SKIP);
        assertThat(login.message()).isEqualTo("the new copy failed its verify checks");
        assertThat(run.report().checks()).extracting(Check::name).doesNotContain("new copy: test email address", "new copy: verify token");
    }

    @Test
    void badNestedInputIsRefusedBeforeAnythingTouchesTheHost() throws Exception {
        List<String> containers = app.containerIds();
        Map<String, String> files = app.fileChecksums();
        String site0 = site.sha256();
        Map<String, Object> login = login();
        login.put("mailbox", Map.of("type", "pop3", "url", "http://127.0.0.1:" + mailPort));

        assertThatThrownBy(() -> deploy(params(login))).isInstanceOf(SpecException.class)
                .hasMessage("verifyMagicLink.mailbox.type: 'pop3' is not one of 'mailpit', 'mailhog', 'maildev', 'imap', 'command'");

        assertThat(app.containerIds()).isEqualTo(containers);
        assertThat(app.fileChecksums()).isEqualTo(files);
        assertThat(site.sha256()).isEqualTo(site0);
        assertThat(copies()).isEmpty();
    }

    /** The next version, built broken (its verification answers 500), deployed; everything must be as before. */
    private static StepHarness.Run assertOldVersionKept(DeployCall deploy, String failingCheck) throws Exception {
        List<String> containers = app.containerIds();
        String site0 = site.sha256();
        String serving = app.http();
        nextVersion();
        app.write("www/broken-login", "yes\n");
        StepHarness.Run run;
        try {
            run = deploy.run();
        } finally {
            Files.delete(app.dir().resolve("www/broken-login"));
        }
        assertThat(run.report().verdict().outcome()).as(run.log().text()).isEqualTo(Outcome.FAILURE);
        assertThat(run.check(failingCheck).status()).as(run.log().text()).isIn(Status.FAIL, Status.ERROR);
        assertThat(run.check(BlueGreen.REMOVE).status()).isEqualTo(Status.PASS);
        assertThat(app.containerIds()).as("the old containers never stopped").isEqualTo(containers);
        assertThat(app.http()).isEqualTo(serving);
        assertThat(site.get("/").body().strip()).isEqualTo(serving);
        assertThat(site.sha256()).as("the site file byte-identical").isEqualTo(site0);
        assertThat(copies()).isEmpty();
        return run;
    }

    @FunctionalInterface
    private interface DeployCall {
        StepHarness.Run run() throws Exception;
    }

    private static StepHarness.Run deploy(Map<String, Object> params) throws Exception {
        return new StepHarness(TARGET.get(), tmp.resolve("reports"), NginxSite.hostDefaults(TARGET.get())).run(new ComposeDeploy(), params, "blue-green");
    }

    /** The login as users reach the live service: on its published port; the mailbox is the project's MailDev. */
    private static Map<String, Object> login() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseUrl", "http://127.0.0.1:" + app.port());
        m.put("mailbox", Map.of("type", "maildev", "url", "http://127.0.0.1:" + mailPort));
        m.put("emailDomain", "example.test");
        m.put("mailTimeout", "30s");
        return m;
    }

    private static Map<String, Object> params(Map<String, Object> login) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("service", "web");
        route.put("site", site.file().toString());
        route.put("location", "/");
        route.put("verifyUrl", site.url("/ready"));
        route.put("expectStatus", 200);
        return app.params("strategy", "blue-green", "routes", List.of(route), "drainTime", "500ms", "nginxBackupDir",
                tmp.resolve("nginx-backups").toString(), "verify", List.of(Map.of("url", "http://127.0.0.1:" + app.port() + "/ready", "expectStatus", 200)),
                "verifyMagicLink", login);
    }

    private static String nextVersion() {
        String v = "v" + (10 + ++versions);
        app.version(v);
        return v;
    }

    /** What version {@code v} issued (kind and value per line), from the project's data volume. */
    private static List<String> issued(String v) {
        String log = BlueGreenApp.podman("exec", app.project() + "_web_1", "/bin/busybox", "cat", "/data/issued.log");
        return log.lines().filter(l -> l.startsWith(v + " ")).map(l -> l.substring(v.length() + 1)).toList();
    }

    private static List<String> copies() {
        return LocalTarget.run(List.of("podman", "ps", "-aq", "--filter", "label=com.docker.compose.project=" + NewCopy.project(app.project())),
                Duration.ofMinutes(1)).lines().filter(l -> !l.isBlank()).toList();
    }

    /** MailDev's health, over HTTP/1.1: it does not answer the HTTP/2 upgrade the JDK's client tries first. */
    private static String mailDevHealth() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mailPort + "/api/healthz")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String resource(String name) {
        try (InputStream in = BlueGreenMagicLinkTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
