package io.jenkins.plugins.deploysteps.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verifyRelease against real HTTP servers (one per host, told apart by hostVars), healthVerify run by the engine; and
 * the harness's own parallel: failFast stops the other branches, without it every branch runs to its end.
 */
class VerifyReleaseTest {
    @TempDir
    Path workspace;

    private LibraryPipeline pipeline() {
        return LibraryPipeline.withoutHosts(workspace);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHostIsCheckedAndTheOneThatFailsIsNamed() {
        try (TestHttpServer good = TestHttpServer.http().on("/healthz", TestHttpServer.text(200, "ok v2"));
             TestHttpServer bad = TestHttpServer.http().on("/healthz", TestHttpServer.text(503, "starting"))) {
            String call = "verifyRelease(hosts: ['web-1', 'web-2'], hostVars: ['web-1': [port: " + good.port() + "], 'web-2': [port: %d]], "
                    + "verify: [url: 'http://127.0.0.1:{port}/healthz', waitTimeout: '1s', interval: '200ms'])";
            LibraryPipeline ok = pipeline();
            Map<String, Object> r = (Map<String, Object>) ok.run(String.format(call, good.port()));
            assertThat(r).containsEntry("status", "SUCCESS").containsEntry("hosts",
                    Map.of("web-1", Map.of("status", "SUCCESS"), "web-2", Map.of("status", "SUCCESS")));
            assertThat(ok.record().stagesStarted()).containsExactly("Verify");

            LibraryPipeline failing = pipeline();
            assertThatThrownBy(() -> failing.run(String.format(call, bad.port())))
                    .hasMessageStartingWith("verifyRelease: Verify failed on web-2: healthVerify 'verify-web-2'");
            assertThat(String.valueOf(failing.record().junitCalls().get(0).get("testResults")).split(","))
                    .containsExactlyInAnyOrder("deploy-reports/verify-web-1.xml", "deploy-reports/verify-web-2.xml");
            assertThat(String.valueOf(failing.record().archiveCalls().get(0).get("artifacts")))
                    .isEqualTo("deploy-reports/verify-web-1.*,deploy-reports/verify-web-2.*");
            assertThat(good.hits("/healthz")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void failFastStopsTheOtherBranchesAndWithoutItEveryBranchEnds() {
        LibraryPipeline fast = pipeline();
        assertThatThrownBy(() -> fast.run("""
                parallel(failFast: true, a: { error('a broke') }, b: { sleep(time: 30, unit: 'SECONDS'); echo('b ended') })
                """)).hasMessage("a broke");
        assertThat(fast.record().echoes()).doesNotContain("b ended");

        LibraryPipeline all = pipeline();
        assertThatThrownBy(() -> all.run("""
                parallel(a: { error('a broke') }, b: { sleep(time: 1, unit: 'SECONDS'); echo('b ended') })
                """)).hasMessage("a broke");
        assertThat(all.record().echoes()).contains("b ended");
        assertThat(all.record().sleeps()).isEqualTo(List.of(Map.of("time", 1, "unit", "SECONDS")));
    }
}
