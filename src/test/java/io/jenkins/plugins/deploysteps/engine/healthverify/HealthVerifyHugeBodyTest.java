package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A health endpoint that answers 300 MB: probed from here and from a host over real SSH, each says the body was cut at the cap. */
class HealthVerifyHugeBodyTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    static final long BODY = 300L * 1024 * 1024;

    @TempDir
    Path reports;

    private final TestHttpServer server = TestHttpServer.http();
    private PlanStepHarness<HealthVerifySpec> harness;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        harness.hosts.put("local", TARGET.get().host("local"));
        server.on("/huge", TestHttpServer.huge(BODY));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHugeBodyIsCutAtTheCapFromHereAndFromAHost() throws Exception {
        Report r = harness.run(Map.of("checks", List.of(
                check("name", "from here", "url", server.url("/huge"), "expectBodyContains", "never", "timeout", "60s"),
                check("name", "from host", "url", server.url("/huge"), "host", "local", "expectBodyContains", "never", "timeout", "60s")))).report();
        for (String name : List.of("from here", "from host")) {
            Check c = named(r, name);
            assertThat(c.status()).as(name).isEqualTo(Status.FAIL);
            assertThat(c.message()).as(name).contains("(" + BODY + " bytes; the body was cut at " + Http.BODY_LIMIT + ", the rest read and dropped)");
        }
    }
}
