package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.TestCertificates;
import io.jenkins.plugins.deploysteps.testing.TestCertificates.Issued;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS certificate checks against HTTPS servers on 127.0.0.1 with certificates this test makes. */
class HealthVerifyTlsTest {
    @TempDir
    Path reports;
    private final List<TestHttpServer> servers = new ArrayList<>();
    private final Issued ca = TestCertificates.ca("deploy-steps test CA");

    private PlanStepHarness<HealthVerifySpec> harness;
    private Map<String, Credential> credentials;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        credentials = harness.credentials;
    }

    private io.jenkins.plugins.deploysteps.engine.run.StepResult run(Map<String, Object> params) throws Exception {
        return harness.run(params);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(TestHttpServer::close);
    }

    private String serve(Issued certificate) {
        TestHttpServer s = TestHttpServer.https(certificate.serverContext()).on("/health", TestHttpServer.text(200, "ok"));
        servers.add(s);
        return s.url("/health");
    }

    @Test
    void validExpiringExpiredWrongHostAndUnknownCaCertificates() throws Exception {
        Instant now = Instant.now();
        credentials.put("test-ca", new Credential.SecretFile("ca.pem", ca.pem().getBytes(StandardCharsets.US_ASCII)));
        String valid = serve(TestCertificates.server(ca, Duration.ofDays(90)));
        String tenDays = serve(TestCertificates.server(ca, Duration.ofDays(10).plusHours(1)));
        String threeDays = serve(TestCertificates.server(ca, Duration.ofDays(3).plusHours(1)));
        String expired = serve(TestCertificates.server(ca, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(5))));
        String wrongHost = serve(TestCertificates.server(ca, Duration.ofDays(90), TestCertificates.dns("app.example.com")));
        var run = run(Map.of("tls", Map.of("warnDays", 21, "failDays", 7, "caCredentialsId", "test-ca"), "checks", List.of(
                check("name", "valid", "url", valid), check("name", "ten days", "url", tenDays), check("name", "three days", "url", threeDays),
                check("name", "expired", "url", expired), check("name", "wrong host", "url", wrongHost))));
        Report r = run.report();

        Check ok = named(r, "valid: TLS certificate");
        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(ok.expected()).isEqualTo("chain trusted by the configured CA bundle (CN=deploy-steps test CA), names 127.0.0.1, "
                + "expires in more than 21 days");
        assertThat(ok.actual()).matches("subject CN=deploy-steps test server; issuer CN=deploy-steps test CA; names IP:127.0.0.1 DNS:localhost; "
                + "expires .* \\((89|90) days left\\)");
        assertThat(ok.evidence()).anySatisfy(e -> assertThat(e.text()).contains("0: CN=deploy-steps test server").contains("TLSv1."));
        assertThat(named(r, "valid").status()).isEqualTo(Status.PASS);

        assertThat(named(r, "ten days: TLS certificate").status()).isEqualTo(Status.WARN);
        assertThat(named(r, "ten days: TLS certificate").message()).isEqualTo("the certificate expires in 10 days, less than warnDays (21)");
        assertThat(named(r, "ten days").status()).isEqualTo(Status.PASS);
        assertThat(named(r, "three days: TLS certificate").status()).isEqualTo(Status.FAIL);
        assertThat(named(r, "three days: TLS certificate").message()).isEqualTo("the certificate expires in 3 days, less than failDays (7)");

        assertThat(named(r, "expired: TLS certificate").status()).isEqualTo(Status.FAIL);
        assertThat(named(r, "expired: TLS certificate").message()).startsWith("the certificate expired on ").endsWith(" (6 days ago)");
        assertThat(named(r, "expired").status()).isEqualTo(Status.SKIP);
        assertThat(named(r, "expired").message()).startsWith("no response: the TLS handshake failed (see 'expired: TLS certificate')");

        assertThat(named(r, "wrong host: TLS certificate").status()).isEqualTo(Status.FAIL);
        assertThat(named(r, "wrong host: TLS certificate").message()).startsWith("the certificate is not valid for 127.0.0.1 (it names DNS:app.example.com)");
        assertThat(r.verdict().outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void aCertificateNoTrustedCaIssuedFailsAgainstTheJvmsCas() throws Exception {
        String selfSigned = serve(TestCertificates.selfSigned());
        Report r = run(Map.of("url", selfSigned)).report();
        Check tls = named(r, selfSigned.replace("https", "GET https") + ": TLS certificate");
        assertThat(tls.status()).isEqualTo(Status.FAIL);
        assertThat(tls.message()).startsWith("the certificate chain is not trusted by the JVM's trusted CAs (issuer CN=self-signed 127.0.0.1): ");
        assertThat(tls.actual()).startsWith("subject CN=self-signed 127.0.0.1; issuer CN=self-signed 127.0.0.1; names IP:127.0.0.1; expires ");
    }

    @Test
    void aCertificateExpiringSoonMakesTheStepUnstableNotFailed() throws Exception {
        credentials.put("test-ca", new Credential.SecretText(ca.pem()));
        String soon = serve(TestCertificates.server(ca, Duration.ofDays(10).plusHours(1)));
        Report r = run(Map.of("url", soon, "tls", Map.of("caCredentialsId", "test-ca"))).report();
        assertThat(r.verdict().outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(r.checks()).extracting(Check::status).containsExactly(Status.PASS, Status.WARN);
    }
}
