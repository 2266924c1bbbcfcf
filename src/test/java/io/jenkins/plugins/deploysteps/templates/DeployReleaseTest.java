package io.jenkins.plugins.deploysteps.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * deployRelease end to end, run by Groovy 2.4 with our steps on the real engine, over three hosts (three sshd, one
 * podman, one nginx, each host with its own app and ports). Full compose deploys are slow here, so the tests share the
 * hosts and run in order, each starting from the version the previous one left (and asserting it first).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployReleaseTest {
    private static ReleaseHosts hosts;

    @TempDir
    Path workspace;

    private final Recording log = new Recording();
    private LibraryPipeline pipeline;

    @BeforeAll
    static void startHosts() {
        TargetRequirement.programs("three release hosts (sshd, podman, nginx)", "/usr/sbin/sshd", "ssh-keygen", "ssh", "podman", "docker",
                "docker-compose", "nginx", "curl", "setsid", "busybox");
        hosts = ReleaseHosts.start(3);
    }

    @AfterAll
    static void stopHosts() {
        if (hosts != null) {
            hosts.close();
        }
    }

    private Object run(String jenkinsfile) {
        pipeline = new LibraryPipeline(LibraryPipeline.repositoryLibrary(), workspace, new EngineSteps(hosts.resolver(), log.progress(),
                "deployRelease test"), line -> { });
        return pipeline.run("def hv = " + hosts.hostVars() + "\n" + jenkinsfile);
    }

    private static final String BACKEND = "backend: [dir: '{dir}', project: '{project}', backupDir: '{backups}', services: ['api'], "
            + "stableFor: '1s', waitTimeout: '20s', composeTimeout: '3m', logsTail: 5]";
    private static final String FRONTEND = "frontend: [dir: '{dir}', project: '{project}', backupDir: '{backups}', services: ['web'], "
            + "stableFor: '1s', waitTimeout: '20s', composeTimeout: '3m', logsTail: 5]";

    private void allOn(String version) {
        for (ReleaseHosts.Host h : hosts.hosts()) {
            assertThat(h.api()).as(h.name() + " api").isEqualTo(version);
            assertThat(h.web()).as(h.name() + " web").isEqualTo(version);
        }
    }

    private static void filesOf(String version) {
        hosts.hosts().forEach(h -> h.app().version(version).write("www/ready", "ready\n"));
    }

    private List<String> hostsCalled(String step) {
        List<String> out = new ArrayList<>();
        pipeline.record().stepCalls().stream().filter(c -> c.step().equals(step)).forEach(c -> out.add((String) c.params().get("host")));
        return out;
    }

    @Test
    @Order(1)
    void aBadMapTouchesNoHost() {
        allOn("v1");
        Map<String, List<String>> containers = containers();
        Map<String, Map<String, String>> files = new java.util.LinkedHashMap<>();
        hosts.hosts().forEach(h -> files.put(h.name(), h.app().fileChecksums()));
        assertThatThrownBy(() -> run("deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, " + BACKEND
                + ", frontend: [dir: '{dir}', servics: ['web']])"))
                .hasMessage("deployRelease: frontend.servics is not a parameter of composeDeploy (did you mean 'services'?)");
        assertThat(pipeline.record().stepCalls()).isEmpty();
        assertThat(containers()).isEqualTo(containers);
        hosts.hosts().forEach(h -> assertThat(h.app().fileChecksums()).isEqualTo(files.get(h.name())));
    }

    @Test
    @Order(2)
    void aFailingCanaryStopsTheReleaseBeforeAnyOtherHost() {
        allOn("v1");
        filesOf("v2");
        hosts.host("web-1").app().neverReady();
        Map<String, List<String>> before = containers();
        assertThatThrownBy(() -> run("deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, canary: true, batch: 2, "
                + "version: 'v2', previousVersion: 'v1', preflight: [requireCommands: ['docker']], "
                + BACKEND.replace("waitTimeout: '20s'", "waitTimeout: '10s'") + ")"))
                .isInstanceOf(PipelineAbort.class)
                .hasMessageStartingWith("deployRelease: Backend failed on web-1: composeDeploy 'backend-web-1'")
                .hasMessageEndingWith("; web-1's failed Backend step undid its own change; the release rolled back nothing else; "
                        + "now: web-1 v1 (rolled back), web-2 v1 (not released), web-3 v1 (not released)");
        assertThat(hostsCalled("hostCheck")).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
        assertThat(hostsCalled("composeDeploy")).containsExactly("web-1");
        assertThat(pipeline.record().stagesStarted()).containsExactly("Preflight", "Backend (canary web-1)");
        allOn("v1");
        assertThat(containers().get("web-2")).isEqualTo(before.get("web-2"));
        assertThat(containers().get("web-3")).isEqualTo(before.get("web-3"));
        assertThat(Files.exists(hosts.host("web-2").app().backups())).isFalse();
        assertThat(pipeline.record().junitCalls()).hasSize(1);
        assertThat(pipeline.record().junitCalls().get(0).get("testResults").toString().split(",")).containsExactlyInAnyOrder(
                "deploy-reports/preflight-web-1.xml", "deploy-reports/preflight-web-2.xml", "deploy-reports/preflight-web-3.xml",
                "deploy-reports/backend-web-1.xml");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aCleanReleaseOverThreeHostsInBatches() throws Exception {
        allOn("v1");
        // The release in the workspace; Sync puts it on each host, where the image builds copy it from.
        Files.createDirectories(workspace.resolve("release"));
        Files.writeString(workspace.resolve("release/index.html"), "v2\n");
        Files.writeString(workspace.resolve("release/ready"), "ready\n");
        Object result = run("deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, batch: 2, version: 'v2', "
                + "preflight: [requireCommands: ['docker']], sync: [from: 'release', to: '{dir}/www', revision: 'v2'], " + BACKEND + ", " + FRONTEND + ", "
                + "proxy: [site: '{site}', location: '/app/', proxyPass: 'http://127.0.0.1:{webPort}/', backupDir: '{siteBackups}', "
                + "verifyUrl: 'http://127.0.0.1:{sitePort}/app/'], "
                + "verify: [checks: [[name: 'api', url: 'http://127.0.0.1:{apiPort}/', expectBodyContains: 'v2'], "
                + "[name: 'site', url: 'http://127.0.0.1:{sitePort}/app/', expectBodyContains: 'v2']], waitTimeout: '20s'])");
        Map<String, Object> r = (Map<String, Object>) result;
        assertThat(r.get("status")).isEqualTo("SUCCESS");
        assertThat(r.get("batches")).isEqualTo(List.of(List.of("web-1", "web-2"), List.of("web-3")));
        assertThat((Map<String, Object>) r.get("hosts")).isEqualTo(Map.of(
                "web-1", Map.of("version", "v2", "state", "released"),
                "web-2", Map.of("version", "v2", "state", "released"),
                "web-3", Map.of("version", "v2", "state", "released")));
        assertThat(pipeline.record().stagesStarted()).containsExactly("Preflight",
                "Sync (web-1, web-2)", "Backend (web-1, web-2)", "Frontend (web-1, web-2)", "Proxy (web-1, web-2)", "Verify (web-1, web-2)",
                "Sync (web-3)", "Backend (web-3)", "Frontend (web-3)", "Proxy (web-3)", "Verify (web-3)");
        hosts.hosts().forEach(h -> assertThat(h.app().dir().resolve("www/REVISION")).as(h.name()).content().isEqualToIgnoringNewLines("v2"));
        allOn("v2");
        hosts.hosts().forEach(h -> assertThat(h.throughNginx("/app/")).as(h.name() + " /app/").isEqualTo("v2"));
        String[] junit = pipeline.record().junitCalls().get(0).get("testResults").toString().split(",");
        assertThat(junit).hasSize(18);
        for (String f : junit) {
            assertThat(workspace.resolve(f)).exists();
        }
        assertThat(pipeline.record().stepCalls()).noneMatch(c -> c.step().equals("composeRollback"));
        Map<String, Object> release = releaseSays(r.get("hosts"));
        assertThat(release).containsEntry("status", "SUCCESS").containsEntry("version", "v2").containsEntry("batches", r.get("batches"))
                .doesNotContainKey("failure");
    }

    @Test
    @Order(4)
    void whenTheSecondBatchFailsTheFirstIsRolledBackAndTheSiteAnswersThroughout() throws Exception {
        allOn("v2");
        filesOf("v3");
        hosts.host("web-2").app().neverReady();
        Map<String, List<String>> before = containers();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                answers.add(ReleaseHosts.get(hosts.lb().port(), "/"));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        poller.start();
        try {
            assertThatThrownBy(() -> run("deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, batch: 1, pauseBetween: '1s', "
                    + "rollbackOnFailure: true, version: 'v3', previousVersion: 'v2', " + BACKEND.replace("waitTimeout: '20s'", "waitTimeout: '10s'")
                    + ")"))
                    .hasMessageStartingWith("deployRelease: Backend failed on web-2: composeDeploy 'backend-web-2'")
                    .hasMessageEndingWith("; web-2's failed Backend step undid its own change; the release rolled back web-1 (Backend); "
                            + "now: web-1 v2 (rolled back), web-2 v2 (rolled back), web-3 v2 (not released)")
                    .satisfies(e -> failure.set(e.getMessage()));
        } finally {
            polling.set(false);
            poller.join(10_000);
        }
        assertThat(hostsCalled("composeDeploy")).containsExactly("web-1", "web-2");
        assertThat(hostsCalled("composeRollback")).containsExactly("web-1");
        assertThat(pipeline.record().stagesStarted()).containsExactly("Backend (web-1)", "Backend (web-2)", "Rollback (web-1)");
        assertThat(pipeline.record().sleeps()).hasSize(1);
        for (ReleaseHosts.Host h : hosts.hosts()) {
            assertThat(h.api()).as(h.name()).isEqualTo("v2");
        }
        assertThat(containers().get("web-3")).isEqualTo(before.get("web-3"));
        assertThat(answers).isNotEmpty().allSatisfy(a -> assertThat(a).isIn("v2", "v3"));
        Map<String, Object> release = releaseSays(Map.of(
                "web-1", Map.of("version", "v2", "state", "rolled back", "rolledBack", List.of("Backend")),
                "web-2", Map.of("version", "v2", "state", "rolled back", "failedIn", "Backend"),
                "web-3", Map.of("version", "v2", "state", "not released")));
        assertThat(release).containsEntry("status", "FAILURE").containsEntry("version", "v3").containsEntry("failure", failure.get())
                .containsEntry("batches", List.of(List.of("web-1"), List.of("web-2"), List.of("web-3")));
        hosts.host("web-2").app().write("www/ready", "ready\n");
    }

    @Test
    @Order(5)
    void aFailedVerifyAfterTheProxyChangedRestoresTheRouteAndTheServices() throws Exception {
        ReleaseHosts.Host web1 = hosts.host("web-1");
        assertThat(web1.api()).isEqualTo("v2");
        filesOf("v4");
        byte[] site = Files.readAllBytes(web1.site().file());
        assertThat(web1.throughNginx("/beta/")).isEqualTo("HTTP 404");
        assertThatThrownBy(() -> run("deployRelease(host: 'web-1', hostVars: hv.subMap(['web-1']), version: 'v4', previousVersion: 'v2', " + BACKEND + ", "
                + FRONTEND + ", proxy: [site: '{site}', location: '/beta/', proxyPass: 'http://127.0.0.1:{webPort}/', backupDir: '{siteBackups}'], "
                + "verify: [url: 'http://127.0.0.1:{sitePort}/beta/api-version', waitTimeout: '2s'])"))
                .hasMessageStartingWith("deployRelease: Verify failed on web-1: healthVerify")
                .hasMessageEndingWith("; the release rolled back web-1 (Proxy, Frontend, Backend); now: web-1 v2 (rolled back)");
        assertThat(pipeline.record().stagesStarted()).containsExactly("Backend", "Frontend", "Proxy", "Verify", "Rollback");
        assertThat(Files.readAllBytes(web1.site().file())).isEqualTo(site);
        assertThat(web1.throughNginx("/beta/")).isEqualTo("HTTP 404");
        assertThat(web1.api()).isEqualTo("v2");
        assertThat(web1.web()).isEqualTo("v2");
        assertThat(web1.throughNginx("/app/")).isEqualTo("v2");
    }

    @Test
    @Order(6)
    void aPreflightFailureOnOneHostStopsTheReleaseWithNothingChangedOnAnyHost() throws Exception {
        allOn("v2");
        filesOf("v5");
        Map<String, List<String>> containers = containers();
        Map<String, Map<String, String>> files = new java.util.LinkedHashMap<>();
        Map<String, byte[]> sites = new java.util.LinkedHashMap<>();
        for (ReleaseHosts.Host h : hosts.hosts()) {
            files.put(h.name(), h.app().fileChecksums());
            sites.put(h.name(), Files.readAllBytes(h.site().file()));
        }
        // web-2 lacks a command the release needs; the others have it.
        assertThatThrownBy(() -> run("for (h in ['web-1', 'web-3']) { hv[h].tool = 'docker' }\nhv['web-2'].tool = 'no-such-tool-on-web-2'\n"
                + "deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, version: 'v5', previousVersion: 'v2', "
                + "preflight: [requireCommands: ['{tool}']], " + BACKEND + ", proxy: [site: '{site}', location: '/app/', "
                + "proxyPass: 'http://127.0.0.1:{webPort}/v5/', backupDir: '{siteBackups}'])"))
                .isInstanceOf(PipelineAbort.class)
                .hasMessageStartingWith("deployRelease: Preflight failed on web-2: hostCheck 'preflight-web-2'")
                .hasMessageContaining("no-such-tool-on-web-2")
                .hasMessageEndingWith("; nothing was changed");
        assertThat(pipeline.record().stagesStarted()).containsExactly("Preflight");
        assertThat(hostsCalled("hostCheck")).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
        assertThat(pipeline.record().stepCalls()).extracting(PipelineRecord.StepCall::step).containsOnly("hostCheck");
        assertThat(containers()).isEqualTo(containers);
        for (ReleaseHosts.Host h : hosts.hosts()) {
            assertThat(h.app().fileChecksums()).as(h.name()).isEqualTo(files.get(h.name()));
            assertThat(Files.readAllBytes(h.site().file())).as(h.name() + " site").isEqualTo(sites.get(h.name()));
            assertThat(h.throughNginx("/app/")).as(h.name() + " /app/").isEqualTo("v2");
        }
        allOn("v2");
        assertThat(pipeline.record().junitCalls()).hasSize(1);
        assertThat(pipeline.record().junitCalls().get(0).get("testResults").toString().split(",")).containsExactlyInAnyOrder(
                "deploy-reports/preflight-web-1.xml", "deploy-reports/preflight-web-2.xml", "deploy-reports/preflight-web-3.xml");
        releaseSays(Map.of(
                "web-1", Map.of("version", "v2", "state", "not released"),
                "web-2", Map.of("version", "v2", "state", "not released", "failedIn", "Preflight"),
                "web-3", Map.of("version", "v2", "state", "not released")));
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void aFailedVerifyAfterTheProxyUpdatedARoutePutsTheSiteFileBackByteForByteAndTheServicesBack() throws Exception {
        ReleaseHosts.Host web1 = hosts.host("web-1");
        assertThat(web1.api()).isEqualTo("v2");
        assertThat(web1.throughNginx("/app/")).isEqualTo("v2");
        filesOf("v5");
        byte[] site = Files.readAllBytes(web1.site().file());
        assertThatThrownBy(() -> run("deployRelease(host: 'web-1', hostVars: hv.subMap(['web-1']), version: 'v5', previousVersion: 'v2', " + BACKEND
                + ", proxy: [site: '{site}', location: '/app/', proxyPass: 'http://127.0.0.1:{webPort}/', headers: ['X-Release': 'v5'], "
                + "backupDir: '{siteBackups}'], verify: [url: 'http://127.0.0.1:{sitePort}/app/not-there', waitTimeout: '2s'])"))
                .hasMessageStartingWith("deployRelease: Verify failed on web-1: healthVerify")
                .hasMessageEndingWith("; the release rolled back web-1 (Proxy, Backend); now: web-1 v2 (rolled back)");
        assertThat(pipeline.record().stagesStarted()).containsExactly("Backend", "Proxy", "Verify", "Rollback");
        List<PipelineRecord.StepCall> routes = pipeline.record().stepCalls().stream().filter(c -> c.step().equals("nginxRoute")).toList();
        assertThat(routes).hasSize(2);
        Map<String, Object> proxy = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                workspace.resolve("deploy-reports/proxy-0-web-1.json").toFile(), Map.class);
        Map<String, Object> facts = (Map<String, Object>) proxy.get("facts");
        assertThat(facts).containsEntry("change", "updated");
        assertThat(routes.get(1).params()).containsEntry("state", "restored").containsEntry("backup", facts.get("backup"))
                .containsEntry("location", "/app/").doesNotContainKey("proxyPass");
        assertThat(Files.readAllBytes(web1.site().file())).isEqualTo(site);
        assertThat(web1.throughNginx("/app/")).isEqualTo("v2");
        assertThat(web1.api()).isEqualTo("v2");
        assertThat(web1.web()).isEqualTo("v2");
    }

    @Test
    @Order(8)
    void withoutRollbackOnFailureTheHostsAlreadyReleasedKeepTheNewVersion() throws Exception {
        allOn("v2");
        filesOf("v6");
        hosts.host("web-2").app().neverReady();
        Map<String, List<String>> before = containers();
        assertThatThrownBy(() -> run("deployRelease(hosts: ['web-1', 'web-2', 'web-3'], hostVars: hv, batch: 1, rollbackOnFailure: false, "
                + "version: 'v6', previousVersion: 'v2', " + BACKEND.replace("waitTimeout: '20s'", "waitTimeout: '10s'") + ")"))
                .hasMessageStartingWith("deployRelease: Backend failed on web-2: composeDeploy 'backend-web-2'")
                .hasMessageEndingWith("; web-2's failed Backend step undid its own change; the release rolled back nothing else; "
                        + "now: web-1 v6, web-2 v2 (rolled back), web-3 v2 (not released)");
        assertThat(hostsCalled("composeDeploy")).containsExactly("web-1", "web-2");
        assertThat(hostsCalled("composeRollback")).isEmpty();
        assertThat(pipeline.record().stagesStarted()).containsExactly("Backend (web-1)", "Backend (web-2)");
        assertThat(hosts.host("web-1").api()).isEqualTo("v6");
        assertThat(hosts.host("web-2").api()).isEqualTo("v2");
        assertThat(hosts.host("web-3").api()).isEqualTo("v2");
        assertThat(containers().get("web-3")).isEqualTo(before.get("web-3"));
        releaseSays(Map.of(
                "web-1", Map.of("version", "v6", "state", "released"),
                "web-2", Map.of("version", "v2", "state", "rolled back", "failedIn", "Backend"),
                "web-3", Map.of("version", "v2", "state", "not released")));
        hosts.host("web-2").app().write("www/ready", "ready\n");
    }

    /**
     * deploy-reports/release.json, archived with the step reports, gives these hosts' outcomes, and each host's version
     * there is the one its api container really serves. Returns the whole file.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> releaseSays(Object hostOutcomes) throws java.io.IOException {
        assertThat(pipeline.record().archiveCalls()).hasSize(1);
        assertThat(pipeline.record().archiveCalls().get(0).get("artifacts").toString().split(",")).contains("deploy-reports/release.json");
        Map<String, Object> release = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                workspace.resolve("deploy-reports/release.json").toFile(), Map.class);
        assertThat(release.get("hosts")).isEqualTo(hostOutcomes);
        Map<String, Map<String, Object>> inFile = (Map<String, Map<String, Object>>) release.get("hosts");
        for (ReleaseHosts.Host h : hosts.hosts()) {
            assertThat(inFile.get(h.name()).get("version")).as(h.name() + " runs").isEqualTo(h.api());
        }
        return release;
    }

    private static Map<String, List<String>> containers() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        hosts.hosts().forEach(h -> out.put(h.name(), h.app().containerIds()));
        return out;
    }
}
