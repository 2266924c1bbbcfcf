package io.jenkins.plugins.deploysteps.engine.healthverify;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused before any request, with a message that names the parameter; good input binds completely. */
class HealthVerifyBindTest {
    @TempDir
    Path reports;

    private final TestHttpServer server = TestHttpServer.http().on("/health", TestHttpServer.text(200, "ok"));
    private PlanStepHarness<HealthVerifySpec> harness;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new HealthVerify(), reports);
        harness.credentials.put("token", new Credential.SecretText("t0ken-value"));
        harness.credentials.put("ca-file", new Credential.SecretFile("ca.pem", "not a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs the step with one good check first and {@code bad} second: the error must come before any request. */
    private void refused(Map<String, Object> bad, String message) {
        refusedStep(Map.of("checks", List.of(check("url", server.url("/health")), bad)), message);
    }

    private void refusedStep(Map<String, Object> params, String message) {
        assertThatThrownBy(() -> harness.run(params)).isInstanceOf(SpecException.class).hasMessageStartingWith(message);
        assertThat(server.hits("/health")).as("requests before the error").isZero();
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void malformedUrlsAndAddresses() {
        refused(check("url", "http://exa mple.com/"), "checks[1].url: 'http://exa mple.com/' is not a URL: Illegal character in authority");
        refused(check("url", "ftp://example.com/"), "checks[1].url: 'ftp://example.com/' is not an http:// or https:// URL with a host");
        refused(check("url", "/health"), "checks[1].url: '/health' is not an http:// or https:// URL with a host");
        refused(check("url", "https://user:pw@example.com/"), "checks[1].url: must not carry a user name or password; use credentialsId");
        refused(check("tcp", "localhost"), "checks[1].tcp: 'localhost' is not host:port");
        refused(check("tcp", "db:99999"), "checks[1].tcp: 99999 is not a TCP port");
        refused(check("name", "x"), "checks[1].url: is required: url (an HTTP check) or tcp");
        refused(check("url", server.url("/a"), "tcp", "db:5432"), "checks[1].tcp: give url or tcp, not both");
        refused(check("url", server.url("/a"), "expectRedirectTo", "elsewhere"), "checks[1].expectRedirectTo: 'elsewhere' is not an http:// or https:// URL");
        refusedStep(Map.of("url", "not a url"), "url: 'not a url' is not a URL");
    }

    @Test
    void badJsonPathsRegexesStatusesAndHeaders() {
        refused(check("url", server.url("/a"), "expectJson", Map.of("$.items.", "1")),
                "checks[1].expectJson[$.items.]: '$.items.' is not a JSONPath: Path must not end with a '.' or '..'");
        refused(check("url", server.url("/a"), "expectJson", Map.of("$.a[1", "1")), "checks[1].expectJson[$.a[1]: '$.a[1' is not a JSONPath: ");
        refused(check("url", server.url("/a"), "expectJson", Map.of("$.a[", "1")), "checks[1].expectJson[$.a[]: '$.a[' is not a JSONPath: ");
        refused(check("url", server.url("/a"), "expectBodyMatches", "(unclosed"), "checks[1].expectBodyMatches: '(unclosed' is not a regular expression: Unclosed group");
        refused(check("url", server.url("/a"), "expectStatus", "ok"), "checks[1].expectStatus: 'ok' is not a status");
        refused(check("url", server.url("/a"), "expectStatus", "299-200"), "checks[1].expectStatus: '299-200' is not a status");
        refused(check("url", server.url("/a"), "headers", Map.of("Bad Name", "x")), "checks[1].headers[Bad Name]: 'Bad Name' is not a header name");
        refused(check("url", server.url("/a"), "headers", Map.of("Host", "x")), "checks[1].headers[Host]: is set by the HTTP client");
        refused(check("url", server.url("/a"), "headers", Map.of("X-A", "a\nb")), "checks[1].headers[X-A]: needs a value on one line");
        refused(check("url", server.url("/a"), "method", "FETCH"), "checks[1].method: 'FETCH' is not one of DELETE, GET, HEAD");
    }

    @Test
    void unknownKeysAndKeysThatDoNotApply() {
        refused(check("url", server.url("/a"), "expectJsn", Map.of("$.a", "1")), "checks[1].expectJsn: unknown parameter (did you mean 'expectJson'?)");
        refused(check("tcp", "db:5432", "expectStatus", 200), "checks[1].expectStatus: only applies to url checks, not to tcp checks");
        refused(check("url", server.url("/a"), "container", "web"), "checks[1].container: needs host");
        refused(check("tcp", "db:5432", "host", "prod-1", "container", "web"), "checks[1].container: tcp checks run from the host itself");
        refused(check("url", server.url("/a"), "container", "bad name!", "host", "h"), "checks[1].container: 'bad name!' is not a container name");
        refusedStep(Map.of("checks", List.of(check("url", server.url("/a"))), "waitTimout", "2m"), "waitTimout: unknown parameter (did you mean 'waitTimeout'?)");
        refusedStep(Map.of("url", server.url("/a"), "checks", List.of(check("url", server.url("/a")))), "url: give either url (one check) or checks");
        refusedStep(Map.of("parallelism", 8), "checks: is required");
        refusedStep(Map.of("checks", List.of(check("name", "api", "url", server.url("/a")), check("name", "api", "url", server.url("/b")))),
                "checks[1].name: 'api' is already the name of checks[0]");
        refusedStep(Map.of("url", server.url("/a"), "tls", Map.of("warnDays", 5, "failDays", 10)), "tls.failDays: 10 is more than warnDays (5)");
        refusedStep(Map.of("url", server.url("/a"), "tls", Map.of("warnDay", 5)), "tls.warnDay: unknown parameter (did you mean 'warnDays'?)");
    }

    @Test
    void badDurationsAndNumbers() {
        refused(check("url", server.url("/a"), "maxLatency", "5 seconds"), "checks[1].maxLatency: '5 seconds' is not a duration");
        refused(check("url", server.url("/a"), "timeout", "500"), "checks[1].timeout: '500' needs a unit");
        refused(check("url", server.url("/a"), "samples", 0), "checks[1].samples: 0 is out of range (1 to 1000)");
        refused(check("url", server.url("/a"), "host", "h", "samples", 5), "checks[1].samples: latency samples are taken from here only");
        refusedStep(Map.of("url", server.url("/a"), "waitTimeout", "2 minutes"), "waitTimeout: '2 minutes' is not a duration");
        refusedStep(Map.of("url", server.url("/a"), "interval", "0s"), "interval: must be longer than zero");
        refusedStep(Map.of("url", server.url("/a"), "interval", "10s", "maxInterval", "5s"), "maxInterval: must not be shorter than interval (10s)");
        refusedStep(Map.of("url", server.url("/a"), "parallelism", 0), "parallelism: 0 is out of range (1 to 64)");
        refusedStep(Map.of("url", server.url("/a"), "consecutive", "many"), "consecutive: 'many' is not a whole number");
    }

    @Test
    void credentialsThatDoNotExistOrDoNotFit() {
        refused(check("url", server.url("/a"), "credentialsId", "nope"), "checks[1].credentialsId: unknown credential 'nope'");
        refused(check("url", server.url("/a"), "credentialsId", "ca-file"), "checks[1].credentialsId: a secret file cannot authenticate a request");
        refused(check("url", server.url("/a"), "credentialsId", "token", "headers", Map.of("Authorization", "x")),
                "checks[1].headers[Authorization]: comes from credentialsId");
        refusedStep(Map.of("url", server.url("/a"), "tls", Map.of("caCredentialsId", "ca-file")),
                "tls.caCredentialsId: not a CA bundle: no PEM certificate");
        refusedStep(Map.of("url", server.url("/a"), "tls", Map.of("caCredentialsId", "token")), "tls.caCredentialsId: not a CA bundle");
    }

    @Test
    void aFullCheckBindsEveryParameter() {
        HealthVerifySpec spec = new HealthVerify().bind(io.jenkins.plugins.deploysteps.engine.params.Params.of(Map.of("waitTimeout", "2m", "interval", "1s", "maxInterval", "8s", "consecutive", 2, "parallelism", 4,
                "timeout", "5s", "reportName", "after-deploy", "checks", List.of(
                        check("name", "api", "url", "https://app.example.com/api/health", "method", "post", "headers", Map.of("Accept", "application/json"),
                                "body", "{}", "credentialsId", "token", "expectStatus", List.of(200, "204"), "expectBodyContains", "ok",
                                "expectBodyMatches", "o+k", "expectJson", Map.of("$.status", "ok"), "expectHeader", Map.of("X-A", "exists"),
                                "maxLatency", "500ms", "samples", 3, "p95Latency", "400ms", "followRedirects", true, "timeout", "3s",
                                "severity", "warning"),
                        check("url", "http://backend:3000/health", "host", "prod-1", "container", "frontend"),
                        check("tcp", "localhost:5432", "host", "prod-1"))), harness.credentialResolver()));
        assertThat(spec.polling()).isEqualTo(new HealthVerifySpec.Polling(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(8), 2));
        assertThat(spec.parallelism()).isEqualTo(4);
        assertThat(spec.hosts()).containsExactly("prod-1");
        assertThat(spec.secrets()).contains("t0ken-value", "Bearer t0ken-value");
        HttpProbe api = (HttpProbe) spec.checks().get(0).probe();
        assertThat(api.request().method()).isEqualTo("POST");
        assertThat(api.request().auth()).isEqualTo(new HttpAuth.Bearer("t0ken-value"));
        assertThat(api.request().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(api.request().followRedirects()).isTrue();
        assertThat(api.samples()).isEqualTo(3);
        assertThat(api.assertions()).hasSize(6).first().isEqualTo(new Assertion.Status(
                io.jenkins.plugins.deploysteps.engine.http.StatusExpectation.parse(List.of("200", "204")).orElseThrow()));
        assertThat(spec.checks().get(0).severity()).isEqualTo(io.jenkins.plugins.deploysteps.engine.report.Severity.WARNING);
        assertThat(spec.checks().get(1).name()).isEqualTo("GET http://backend:3000/health from prod-1/frontend");
        assertThat(spec.checks().get(2).name()).isEqualTo("tcp localhost:5432 from prod-1");
        assertThat(((TcpProbe) spec.checks().get(2).probe()).timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.common().reportName()).isEqualTo("after-deploy");

        // Jenkins sends the spec to the agent that runs it.
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            HealthVerifySpec copy = (HealthVerifySpec) in.readObject();
            assertThat(copy.checks()).extracting(HealthCheckSpec::name).containsExactlyElementsOf(spec.checks().stream().map(HealthCheckSpec::name).toList());
            assertThat(copy.secrets()).isEqualTo(spec.secrets());
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
