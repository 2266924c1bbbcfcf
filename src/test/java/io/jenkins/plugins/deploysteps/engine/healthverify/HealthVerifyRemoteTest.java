package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.ProbeContainers;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes from the real local target over SSH: from the host (its curl, bash /dev/tcp) and from inside containers
 * on podman through the docker CLI (wget; busybox without its applet links, probed as busybox wget; an image with no tool,
 * probed with the host's curl in its network namespace). A frontend container reaches a backend container by name on
 * their own network. Podman's storage is shared with other test runs:
 * every name carries a random suffix and only what this class made is removed.
 */
class HealthVerifyRemoteTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshdAndPodman();

    private static final String SUFFIX = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt(),
            (byte) ThreadLocalRandom.current().nextInt()});
    static final String IMAGE = "ds-health-busybox-" + SUFFIX + ":1";
    static final String BARE_IMAGE = "ds-health-bare-" + SUFFIX + ":1";
    static final String NETWORK = "ds-health-net-" + SUFFIX;
    static final String BACKEND = "ds-health-backend-" + SUFFIX;
    static final String FRONTEND = "ds-health-frontend-" + SUFFIX;
    static final String BARE = "ds-health-bare-" + SUFFIX;
    private static final List<List<String>> CLEANUP = new ArrayList<>();
    /** Containers serving /health on their own 127.0.0.1:8080, one of them with no tool at all. */
    private static ProbeContainers toolless;

    @TempDir
    Path reports;

    private PlanStepHarness<HealthVerifySpec> harness;
    private final TestHttpServer server = TestHttpServer.http();

    @BeforeAll
    static void containers(@TempDir Path build) throws IOException {
        // An image with busybox and its applets (sh, wget, httpd) and a health document, and one with busybox alone.
        Path root = build.resolve("full/rootfs");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("www"));
        Files.copy(Path.of("/bin/busybox"), root.resolve("bin/busybox"));
        for (String applet : List.of("sh", "wget", "httpd", "sleep")) {
            Files.createSymbolicLink(root.resolve("bin/" + applet), Path.of("busybox"));
        }
        Files.writeString(root.resolve("www/health"), "{\"status\":\"ok\",\"service\":\"backend\"}");
        Files.writeString(build.resolve("full/Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/sleep\", \"3600\"]\n");
        Path bare = build.resolve("bare");
        Files.createDirectories(bare.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bare.resolve("rootfs/bin/busybox"));
        Files.writeString(bare.resolve("Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/busybox\", \"sleep\", \"3600\"]\n");

        docker("build", "-q", "-t", IMAGE, build.resolve("full").toString());
        CLEANUP.add(0, List.of("rmi", "-f", IMAGE));
        docker("build", "-q", "-t", BARE_IMAGE, bare.toString());
        CLEANUP.add(0, List.of("rmi", "-f", BARE_IMAGE));
        docker("network", "create", NETWORK);
        CLEANUP.add(0, List.of("network", "rm", NETWORK));
        docker("run", "-d", "--name", BACKEND, "--network", NETWORK, IMAGE, "/bin/httpd", "-f", "-p", "8080", "-h", "/www");
        CLEANUP.add(0, List.of("rm", "-f", BACKEND));
        // The network's DNS (netavark + aardvark-dns) resolves the backend's name, as it does a compose service's.
        docker("run", "-d", "--name", FRONTEND, "--network", NETWORK, IMAGE);
        CLEANUP.add(0, List.of("rm", "-f", FRONTEND));
        docker("run", "-d", "--name", BARE, BARE_IMAGE);
        CLEANUP.add(0, List.of("rm", "-f", BARE));
        toolless = ProbeContainers.start(TARGET.get(), build);
    }

    @AfterAll
    static void removeWhatWeMade() {
        if (toolless != null) {
            toolless.close();
        }
        for (List<String> c : CLEANUP) {
            try {
                docker(c.toArray(String[]::new));
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
    }

    static String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "DOCKER_HOST=" + TARGET.get().get("DOCKER_HOST"), "docker"));
        cmd.addAll(List.of(args));
        return LocalTarget.run(cmd, Duration.ofSeconds(120));
    }

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        harness.hosts.put("local", TARGET.get().host("local"));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        server.close();
    }

    @Test
    void probesFromTheHostWithCurlAndTcp() throws Exception {
        server.on("/health", TestHttpServer.json(200, "{\"status\":\"ok\"}"));
        int closed = TestHttpServer.closedPort();
        Report r = harness.run(Map.of("checks", List.of(
                check("name", "api from host", "url", server.url("/health"), "host", "local", "expectJson", Map.of("$.status", "ok")),
                check("name", "port open", "tcp", "127.0.0.1:" + server.port(), "host", "local"),
                check("name", "port closed", "tcp", "127.0.0.1:" + closed, "host", "local", "severity", "warning")))).report();
        assertThat(r.checks()).extracting(Check::name).containsExactly("connect to local", "api from host", "port open", "port closed");
        Check api = named(r, "api from host");
        assertThat(api.status()).isEqualTo(Status.PASS);
        assertThat(api.actual()).startsWith("status 200; $.status ok");
        assertThat(harness.log.text()).contains("[local] curl " + server.url("/health") + " from host local: $ curl --config - --url " + server.url("/health") + " ...")
                .contains("[local] $ timeout 10 bash -c 'exec 3<>\"/dev/tcp/$1/$2\"' deploy-steps-tcp 127.0.0.1 " + server.port());
        assertThat(named(r, "port open").status()).isEqualTo(Status.PASS);
        Check closedPort = named(r, "port closed");
        assertThat(closedPort.status()).isEqualTo(Status.WARN);
        assertThat(closedPort.message()).startsWith("cannot connect from local to 127.0.0.1:" + closed + ": ").containsIgnoringCase("refused");
    }

    @Test
    void aFrontendContainerReachesTheBackendByNameWithItsOwnWget() throws Exception {
        Report r = harness.run(Map.of("checks", List.of(
                check("name", "frontend->backend", "url", "http://" + BACKEND + ":8080/health", "host", "local", "container", FRONTEND,
                        "expectJson", Map.of("$.service", "backend")),
                check("name", "missing page", "url", "http://" + BACKEND + ":8080/nope", "host", "local", "container", FRONTEND),
                check("name", "bare", "url", "http://" + BACKEND + ":8080/health", "host", "local", "container", BARE),
                check("name", "no such container", "url", "http://" + BACKEND + ":8080/health", "host", "local", "container", "ds-health-none-" + SUFFIX)))).report();
        Check ok = named(r, "frontend->backend");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(Status.PASS);
        assertThat(ok.actual()).contains("$.service backend");
        assertThat(harness.log.text()).contains("[local] curl http://" + BACKEND + ":8080/health from container " + FRONTEND + " on local")
                .contains("[local] wget http://" + BACKEND + ":8080/health from container " + FRONTEND + " on local");
        Check missing = named(r, "missing page");
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.message()).isEqualTo("status: expected 200-299, actual 404");
        Check bare = named(r, "bare");
        // The bare container is not on the backend's network, so its probe reaches no name; what matters is that it ran.
        assertThat(bare.message()).as("busybox without its applet links still probes, as busybox wget").doesNotContain("neither")
                .contains("wget: bad address");
        assertThat(harness.log.text()).contains("[local] busybox wget http://" + BACKEND + ":8080/health from container " + BARE + " on local");
        Check none = named(r, "no such container");
        assertThat(none.status()).isEqualTo(Status.ERROR);
        assertThat(none.message()).containsIgnoringCase("no such container");
    }

    @Test
    void aContainerWithNoToolIsProbedWithTheHostsCurlInItsNetworkNamespace() throws Exception {
        Report r = harness.run(Map.of("checks", List.of(
                check("name", "no tool", "url", "http://127.0.0.1:8080/health", "host", "local", "container", toolless.bare(),
                        "expectJson", Map.of("$.status", "ok")),
                check("name", "no such page", "url", "http://127.0.0.1:8080/nope", "host", "local", "container", toolless.bare())))).report();
        Check ok = named(r, "no tool");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(Status.PASS);
        assertThat(ok.actual()).contains("$.status ok");
        assertThat(harness.log.text()).contains("[local] curl http://127.0.0.1:8080/health from container " + toolless.bare() + " on local")
                .contains("[local] busybox wget http://127.0.0.1:8080/health from container " + toolless.bare() + " on local")
                .contains("[local] host curl http://127.0.0.1:8080/health from container " + toolless.bare() + " on local");
        assertThat(named(r, "no such page").message()).isEqualTo("status: expected 200-299, actual 404");
    }

    @Test
    void secretsNeverReachACommandLineAndWgetIsNotUsedForThem() throws Exception {
        String token = "remote-" + Long.toHexString(System.nanoTime()) + "-token";
        harness.credentials.put("api", new Credential.SecretText(token));
        server.on("/echo", x -> TestHttpServer.send(x, 200, "text/plain", "auth=" + x.getRequestHeaders().getFirst("Authorization")));
        Report r = harness.run(Map.of("checks", List.of(
                check("name", "authenticated from host", "url", server.url("/echo"), "host", "local", "credentialsId", "api",
                        "expectBodyContains", "auth=Bearer " + token),
                check("name", "authenticated from busybox", "url", "http://" + BACKEND + ":8080/health", "host", "local", "container", FRONTEND,
                        "credentialsId", "api")))).report();
        assertThat(named(r, "authenticated from host").status()).isEqualTo(Status.PASS);
        assertThat(named(r, "authenticated from busybox").status()).isEqualTo(Status.ERROR);
        assertThat(named(r, "authenticated from busybox").message()).isEqualTo("container " + FRONTEND + " on local has no curl, and wget would need "
                + "the credential on its command line, which deploy-steps never does; install curl there");
        StringBuilder everything = new StringBuilder(harness.log.text());
        r.checks().forEach(c -> everything.append(c.expected()).append(c.actual()).append(c.message()).append(c.evidence()));
        assertThat(everything).doesNotContain(token).contains("auth=****");
    }

    @Test
    void badInputChangesNothingOnTheHost() throws Exception {
        String before = docker("ps", "-a", "-q", "--no-trunc", "--filter", "name=" + SUFFIX);
        assertThatThrownBy(() -> harness.run(Map.of("checks", List.of(
                check("url", "http://" + BACKEND + ":8080/health", "host", "local", "container", FRONTEND, "expectJson", Map.of("$.a.", "x"))))))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("checks[0].expectJson[$.a.]: ");
        assertThat(harness.log.text()).doesNotContain("connect to local").doesNotContain("[local] $");
        assertThat(docker("ps", "-a", "-q", "--no-trunc", "--filter", "name=" + SUFFIX)).isEqualTo(before);
        assertThat(docker("inspect", "-f", "{{.State.Running}}", FRONTEND).strip()).isEqualTo("true");
        TimeUnit.MILLISECONDS.sleep(1); // nothing else to wait for: the check above is the point
    }
}
