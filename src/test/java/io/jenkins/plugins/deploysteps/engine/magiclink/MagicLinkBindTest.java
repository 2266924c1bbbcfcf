package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused by name before any request: the app and the mailbox (one test server for both) see nothing. */
class MagicLinkBindTest {
    @TempDir
    Path reports;

    final TestHttpServer server = TestHttpServer.http();
    PlanStepHarness<MagicLinkSpec> harness;

    @BeforeEach
    void harness() {
        harness = new PlanStepHarness<>(new MagicLinkAuthCheck(), reports);
        harness.credentials.put("token", new Credential.SecretText("expired-token-value"));
        harness.credentials.put("login", new Credential.UsernamePassword("qa", "mail-password"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> valid() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("baseUrl", server.url(""));
        p.put("mailbox", Map.of("type", "mailpit", "url", server.url("/mail")));
        return p;
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(Map.of("baseUrl", "ftp://x"), "baseUrl", "'ftp://x' is not an http:// or https:// URL with a host"),
                Arguments.of(Map.of("baseUrl", "https://u:p@app/"), "baseUrl", "must not carry a user name or password; use credentialsId"),
                Arguments.of(Map.of("baseUrl", "https://app/?x=1"), "baseUrl", "must not have a query or fragment"),
                Arguments.of(Map.of("mailbox", Map.of("type", "gmail")), "mailbox.type", "'gmail' is not one of 'mailpit', 'mailhog', 'maildev', 'imap', 'command'"),
                Arguments.of(Map.of("mailbox", Map.of("type", "mailpit")), "mailbox.url", "is required"),
                Arguments.of(Map.of("mailbox", Map.of("type", "maildev", "url", "http://m/", "credentialsId", "token")), "mailbox.credentialsId",
                        "a secret text cannot log in to a mail server's web API"),
                Arguments.of(Map.of("mailbox", Map.of("type", "imap", "host", "mail")), "mailbox.credentialsId", "is required"),
                Arguments.of(Map.of("mailbox", Map.of("type", "imap", "host", "mail", "credentialsId", "login", "security", "tls")), "mailbox.security",
                        "'tls' is not one of 'ssl', 'starttls', 'none'"),
                Arguments.of(Map.of("mailbox", Map.of("type", "imap", "host", "mail", "credentialsId", "login", "port", 0)), "mailbox.port",
                        "0 is out of range (1 to 65535)"),
                Arguments.of(Map.of("mailbox", Map.of("type", "command", "host", "h")), "mailbox.command", "is required"),
                Arguments.of(Map.of("mailbox", Map.of("type", "mailpit", "url", "http://m/", "folder", "INBOX")), "mailbox.folder", "unknown parameter"),
                Arguments.of(Map.of("email", "not an address"), "email", "is not an email address"),
                Arguments.of(Map.of("email", "qa+${run}@x.test"), "email", "${run} is not a placeholder of email"),
                Arguments.of(Map.of("email", "qa@x.test", "emailDomain", "y.test"), "emailDomain", "give email (the whole address) or emailDomain"),
                Arguments.of(Map.of("sendPath", "api/send"), "sendPath", "must be a path starting with '/'"),
                Arguments.of(Map.of("sendBody", "{\"email\":\"${mail}\"}"), "sendBody", "${mail} is not known here"),
                Arguments.of(Map.of("expectSendStatus", "OK"), "expectSendStatus", "'OK' is not a status"),
                Arguments.of(Map.of("pollInterval", "2m"), "pollInterval", "must be shorter than mailTimeout (1m)"),
                Arguments.of(Map.of("linkPattern", "(unclosed"), "linkPattern", "is not a regular expression"),
                Arguments.of(Map.of("tokenParam", "to ken"), "tokenParam", "is not a query parameter name"),
                Arguments.of(Map.of("verifyPath", "/api/auth/verify"), "verifyPath", "must contain ${token}"),
                Arguments.of(Map.of("followLink", true, "verifyPath", "/v?t=${token}"), "verifyPath", "give verifyPath"),
                Arguments.of(Map.of("linkOrigins", List.of("https://app.example.com")), "linkOrigins", "only used with followLink: true"),
                Arguments.of(Map.of("followLink", true, "linkOrigins", List.of("https://app.example.com/auth")), "linkOrigins[0]", "must be an origin"),
                Arguments.of(Map.of("followLink", true, "linkOrigins", List.of("file:///srv")), "linkOrigins[0]", "http"),
                Arguments.of(Map.of("sessionJsonPath", "$.a."), "sessionJsonPath", "is not a JSONPath"),
                Arguments.of(Map.of("sessionCookie", "sid", "sessionJsonPath", "$.s"), "sessionJsonPath", "give sessionJsonPath"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("method", "GET"))), "authenticatedChecks[0].path", "is required"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p", "auth", "basic"))), "authenticatedChecks[0].auth",
                        "'basic' is not 'bearer', 'cookie', 'header:<Name>' or 'bodyField:<name>'"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p", "auth", "cookie"))), "authenticatedChecks[0].auth",
                        "'cookie' needs sessionCookie"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p", "auth", "bodyField:t"))), "authenticatedChecks[0].auth",
                        "a GET request has no body"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p", "method", "POST", "auth", "bodyField:t", "body", "[1]"))),
                        "authenticatedChecks[0].body", "must be a JSON object"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p", "expectJson", Map.of("$.a.", "1")))),
                        "authenticatedChecks[0].expectJson[$.a.]", "is not a JSONPath"),
                Arguments.of(Map.of("authenticatedChecks", List.of(Map.of("path", "/p"), Map.of("path", "/p"))), "authenticatedChecks[1].name",
                        "'GET /p' is already the name of authenticatedChecks[0]"),
                Arguments.of(Map.of("authenticatedChecks", List.of()), "rejectNoSession", "there are none"),
                Arguments.of(Map.of("userRecordCommand", "grep -F \"$1\" users"), "userRecordHost", "is required with userRecordCommand"),
                Arguments.of(Map.of("refreshMethod", "PUT"), "refreshMethod", "needs refreshPath"),
                Arguments.of(Map.of("rateLimit", Map.of("requests", 0)), "rateLimit.requests", "0 is out of range (1 to 1000)"),
                Arguments.of(Map.of("expiredToken", Map.of()), "expiredToken.credentialsId", "is required: a secret text holding an expired token, or ttl"),
                Arguments.of(Map.of("expiredToken", Map.of("credentialsId", "token", "ttl", "1m")), "expiredToken.ttl", "give credentialsId or ttl"),
                Arguments.of(Map.of("expiredToken", Map.of("credentialsId", "login")), "expiredToken.credentialsId", "is not a token; use secret text"),
                Arguments.of(Map.of("headers", Map.of("Host", "x")), "headers[Host]", "is set by the HTTP client"),
                Arguments.of(Map.of("timeout", "0s"), "timeout", "must be longer than zero"),
                Arguments.of(Map.of("sendPth", "/x"), "sendPth", "unknown parameter (did you mean 'sendPath'?)"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsRefusedByNameBeforeAnyRequest(Map<String, Object> change, String field, String problem) {
        Map<String, Object> p = valid();
        p.putAll(change);
        assertThatThrownBy(() -> harness.run(p)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).doesNotContain("expired-token-value").doesNotContain("mail-password");
        });
        assertThat(server.hits("/mail/api/v1/search") + server.hits("/api/auth/send-magic-link")).isZero();
        assertThat(harness.log.text()).isEmpty();
    }

    @Test
    void defaultsFollowTheChecklistsEndpoints() {
        MagicLinkSpec spec = harness.bind(valid());
        assertThat(spec.emailTemplate()).isEqualTo("magiclink+${unique}@example.com");
        assertThat(spec.send().path()).isEqualTo("/api/auth/send-magic-link");
        assertThat(spec.send().body()).isEqualTo("{\"email\":\"${email}\"}");
        assertThat(spec.verify().path()).isEqualTo("/api/auth/verify?token=${token}");
        assertThat(spec.verify().sessionJsonPath()).isEqualTo("$.sessionToken");
        assertThat(spec.authenticatedChecks()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/api/user/profile");
            assertThat(c.expectJson()).containsEntry("$.email", "${email}");
            assertThat(c.auth()).isEqualTo(new SessionTransport.Bearer());
        });
        assertThat(spec.mailWait().pollInterval()).hasMillis(250);
        assertThat(spec.negatives().invalidToken() && spec.negatives().reusedToken() && spec.negatives().noSession()).isTrue();
        assertThat(spec.rateLimit()).isNull();
        assertThat(spec.expiredToken()).isNull();
        assertThat(spec.hosts()).isEmpty();
    }

    @Test
    void credentialsBecomePlainValuesTheMaskerLearnsFirst() {
        Map<String, Object> p = valid();
        p.put("mailbox", Map.of("type", "maildev", "url", "http://m/", "credentialsId", "login"));
        p.put("expiredToken", Map.of("credentialsId", "token"));
        MagicLinkSpec spec = harness.bind(p);
        assertThat(((MailboxSpec.HttpApi) spec.mailbox()).auth()).isEqualTo(new HttpAuth.Basic("qa", "mail-password"));
        assertThat(spec.secrets()).contains("mail-password", "expired-token-value");
        assertThat(spec.toString()).doesNotContain("expired-token-value").doesNotContain("mail-password");
    }

    @Test
    void sessionTransportsAndTheirRequests() {
        Map<String, Object> p = valid();
        p.put("authenticatedChecks", List.of(check("path", "/api/chat", "method", "POST", "body", "{\"message\":\"hi ${email}\"}", "auth", "bodyField:sessionToken"),
                check("path", "/api/me", "auth", "header:X-Session")));
        MagicLinkSpec spec = harness.bind(p);
        AppRequests requests = new AppRequests(spec, "a@b.test");
        assertThat(requests.authenticated(spec.authenticatedChecks().get(0), "S3SS10N").body()).isEqualTo("{\"message\":\"hi a@b.test\",\"sessionToken\":\"S3SS10N\"}");
        assertThat(requests.authenticated(spec.authenticatedChecks().get(0), null).body()).isEqualTo("{\"message\":\"hi a@b.test\"}");
        assertThat(requests.authenticated(spec.authenticatedChecks().get(1), "S3SS10N").headers()).containsEntry("X-Session", "S3SS10N");
        assertThat(requests.verify("a b/c", "").uri().toString()).isEqualTo(server.url("/api/auth/verify?token=a%20b%2Fc"));
        assertThat(requests.send(spec.send().path()).body()).isEqualTo("{\"email\":\"a@b.test\"}");
        assertThat(requests.send(spec.send().path()).headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "deploy-steps magicLinkAuthCheck");
    }
}
