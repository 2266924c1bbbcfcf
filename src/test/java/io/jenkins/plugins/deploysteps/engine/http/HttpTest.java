package io.jenkins.plugins.deploysteps.engine.http;

import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.delayed;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.json;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.redirect;
import static io.jenkins.plugins.deploysteps.testing.TestHttpServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.testing.TestCertificates;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP client layer against real servers on 127.0.0.1: responses, deadlines, real causes, redirects, TLS. */
class HttpTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final TestHttpServer server = TestHttpServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Http jvmTrust() throws Exception {
        return new Http(TrustSource.JVM);
    }

    @Test
    void aCompleteResponseWithStatusHeadersBodyAndTiming() throws Exception {
        server.on("/health", json(200, "{\"status\":\"ok\"}"));
        HttpResult r = jvmTrust().exchange(HttpRequestSpec.get(server.uri("/health"), TIMEOUT));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).containsExactly("application/json");
        assertThat(r.bodyText()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.elapsed()).isPositive();
        assertThat(r.tls()).isNull();
        assertThat(server.lastHeaders("/health")).containsEntry("user-agent", HttpRequests.USER_AGENT);
    }

    @Test
    void aServerSlowerThanTheTimeoutIsATimeoutNotAStatus() throws Exception {
        server.on("/slow", delayed(3000, text(200, "late")));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(server.uri("/slow"), Duration.ofMillis(500))))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
                    assertThat(f.getMessage()).isEqualTo("no response from " + server.uri("/slow") + " within the timeout of 500ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBodyThatTricklesPastTheTimeoutIsCutOffAtTheDeadline() throws Exception {
        server.on("/trickle", TestHttpServer.trickle(100, 600));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(server.uri("/trickle"), Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
                    assertThat(f.getMessage()).contains("started (status 200) but its body did not finish within the timeout of 1s");
                });
        // The body would take a minute; the exchange ends near its deadline (generous bound: the machine is shared).
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aServerThatAcceptsButNeverSpeaksTlsIsAHandshakeTimeoutNotAConnectTimeout() throws Exception {
        try (TestHttpServer.Silent silent = new TestHttpServer.Silent()) {
            URI uri = silent.https("/");
            assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(uri, Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
                        assertThat(f.getMessage()).isEqualTo("the TLS handshake with " + HttpRequests.authority(uri) + " did not finish within the timeout"
                                + " of 1s: the TCP connection succeeded but the server never answered the handshake");
                    });
        }
    }

    @Test
    void refusedAndResetConnectionsKeepTheirRealCause() throws Exception {
        URI refused = URI.create("http://127.0.0.1:" + TestHttpServer.closedPort() + "/");
        assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(refused, TIMEOUT)))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(HttpFailure.Kind.REFUSED);
                    assertThat(f.getMessage()).startsWith("cannot connect to 127.0.0.1:" + refused.getPort() + ": ").containsIgnoringCase("refused");
                });
        try (TestHttpServer.Resetting reset = new TestHttpServer.Resetting()) {
            assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(reset.uri("/"), TIMEOUT)))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.CONNECTION);
                        assertThat(f.getMessage()).startsWith("connection to " + HttpRequests.authority(reset.uri("/")) + " failed: ");
                    });
        }
    }

    @Test
    void redirectsAreFollowedByHandAndRecordedHopByHop() throws Exception {
        server.on("/old", redirect(301, "/mid")).on("/mid", redirect(307, server.url("/new"))).on("/new", text(200, "here"));
        HttpResult followed = jvmTrust().exchange(HttpRequestSpec.get(server.uri("/old"), TIMEOUT).following(true));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.url()).isEqualTo(server.uri("/new"));
        assertThat(followed.redirects()).extracting(Object::toString)
                .containsExactly("301 " + server.uri("/old") + " -> " + server.uri("/mid"), "307 " + server.uri("/mid") + " -> " + server.uri("/new"));

        HttpResult notFollowed = jvmTrust().exchange(HttpRequestSpec.get(server.uri("/old"), TIMEOUT));
        assertThat(notFollowed.status()).isEqualTo(301);
        assertThat(notFollowed.redirects()).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo(server.uri("/mid")));
        assertThat(server.hits("/new")).isEqualTo(1);
    }

    @Test
    void aRedirectLoopEndsWithItsCause() throws Exception {
        server.on("/loop", redirect(302, "/loop"));
        assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(server.uri("/loop"), TIMEOUT).following(true)))
                .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.getMessage()).startsWith("more than 10 redirects"));
    }

    @Test
    void credentialsGoOnlyToTheOriginTheStepNamed() throws Exception {
        try (TestHttpServer other = TestHttpServer.http()) {
            other.on("/elsewhere", text(200, "x"));
            server.on("/same", text(200, "x")).on("/start", redirect(302, "/same")).on("/away", redirect(302, other.url("/elsewhere")));
            Http http = jvmTrust();
            HttpRequestSpec start = HttpRequestSpec.get(server.uri("/start"), TIMEOUT).withAuth(new HttpAuth.Bearer("s3cr3t-token")).following(true);
            http.exchange(start);
            assertThat(server.lastHeaders("/start")).containsEntry("authorization", "Bearer s3cr3t-token");
            assertThat(server.lastHeaders("/same")).containsEntry("authorization", "Bearer s3cr3t-token");
            http.exchange(HttpRequestSpec.get(server.uri("/away"), TIMEOUT).withAuth(new HttpAuth.Basic("u", "pw1")).following(true));
            assertThat(server.lastHeaders("/away")).containsEntry("authorization", "Basic dTpwdzE=");
            assertThat(other.lastHeaders("/elsewhere")).doesNotContainKey("authorization");
        }
    }

    @Test
    void configuredHeadersGoOnlyToTheOriginTheStepNamed() throws Exception {
        try (TestHttpServer other = TestHttpServer.http()) {
            other.on("/elsewhere", text(200, "x"));
            server.on("/same", text(200, "x")).on("/start", redirect(302, "/same")).on("/away", redirect(302, other.url("/elsewhere")));
            Http http = jvmTrust();
            http.exchange(HttpRequestSpec.get(server.uri("/start"), TIMEOUT).withHeader("X-Api-Key", "k3y-value").withHeader("Cookie", "sid=abc")
                    .following(true));
            assertThat(server.lastHeaders("/same")).containsEntry("x-api-key", "k3y-value").containsEntry("cookie", "sid=abc");
            http.exchange(HttpRequestSpec.get(server.uri("/away"), TIMEOUT).withHeader("X-Api-Key", "k3y-value").withHeader("Cookie", "sid=abc")
                    .following(true));
            assertThat(server.lastHeaders("/away")).containsEntry("x-api-key", "k3y-value");
            assertThat(other.lastHeaders("/elsewhere")).doesNotContainKeys("x-api-key", "cookie").containsKey("user-agent");
        }
    }

    @Test
    void aHugeBodyIsReadButOnlyItsBeginningKept() throws Exception {
        String big = "x".repeat(Http.BODY_LIMIT + 5000);
        server.on("/big", text(200, big));
        HttpResult r = jvmTrust().exchange(HttpRequestSpec.get(server.uri("/big"), TIMEOUT));
        assertThat(r.body()).hasSize(Http.BODY_LIMIT);
        assertThat(r.bodyBytes()).isEqualTo(Http.BODY_LIMIT + 5000L);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void tlsChainsAreCheckedAgainstTheCaBundleAndTheirFactsReported() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("deploy-steps test CA");
        TestCertificates.Issued valid = TestCertificates.server(ca, Duration.ofDays(90));
        try (TestHttpServer https = TestHttpServer.https(valid.serverContext())) {
            https.on("/", text(200, "secure"));
            HttpResult r = new Http(TrustSource.caBundle(ca.pem())).exchange(HttpRequestSpec.get(https.uri("/"), TIMEOUT));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.tls().trusted()).isTrue();
            assertThat(r.tls().protocol()).startsWith("TLSv1.");
            CertificateFacts leaf = r.tls().leaf();
            assertThat(leaf.issuer()).isEqualTo("CN=deploy-steps test CA");
            assertThat(leaf.subjectAltNames()).contains("IP:127.0.0.1", "DNS:localhost");
            assertThat(leaf.daysLeft(Instant.now())).isBetween(88L, 90L);

            assertThatThrownBy(() -> jvmTrust().exchange(HttpRequestSpec.get(https.uri("/"), TIMEOUT)))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TLS);
                        assertThat(f.tls().trusted()).isFalse();
                        assertThat(f.tls().leaf().issuer()).isEqualTo("CN=deploy-steps test CA");
                        assertThat(f.getMessage()).contains("unable to find valid certification path");
                    });
        }
    }

    @Test
    void aCertificateForAnotherNameIsTrustedButDoesNotMatch() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("deploy-steps test CA");
        TestCertificates.Issued other = TestCertificates.server(ca, Duration.ofDays(90), TestCertificates.dns("app.example.com"));
        try (TestHttpServer https = TestHttpServer.https(other.serverContext())) {
            https.on("/", text(200, "x"));
            assertThatThrownBy(() -> new Http(TrustSource.caBundle(ca.pem())).exchange(HttpRequestSpec.get(https.uri("/"), TIMEOUT)))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.tls().trusted()).isTrue();
                        assertThat(f.tls().hostMatches()).isFalse();
                        assertThat(f.tls().leaf().subjectAltNames()).containsExactly("DNS:app.example.com");
                        assertThat(f.getMessage()).contains("127.0.0.1");
                    });
        }
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsDates() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("deploy-steps test CA");
        Instant now = Instant.now();
        TestCertificates.Issued expired = TestCertificates.server(ca, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2)));
        try (TestHttpServer https = TestHttpServer.https(expired.serverContext())) {
            https.on("/", text(200, "x"));
            assertThatThrownBy(() -> new Http(TrustSource.caBundle(ca.pem())).exchange(HttpRequestSpec.get(https.uri("/"), TIMEOUT)))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> {
                        assertThat(f.tls().trusted()).isFalse();
                        assertThat(f.tls().leaf().daysLeft(Instant.now())).isLessThan(0);
                    });
        }
    }

    @Test
    void requestsAreBuiltWithoutSending() {
        HttpRequestSpec spec = new HttpRequestSpec("post", URI.create("http://a/x"), Map.of("X-Trace", "1"), "{}",
                new HttpAuth.Bearer("tok-123"), TIMEOUT, true);
        var jdk = HttpRequests.build(spec, HttpRequests.Hop.first(spec), Duration.ofSeconds(3));
        assertThat(jdk.method()).isEqualTo("POST");
        assertThat(jdk.headers().map()).containsEntry("Authorization", java.util.List.of("Bearer tok-123"))
                .containsEntry("X-Trace", java.util.List.of("1"));
        assertThat(jdk.timeout()).contains(Duration.ofSeconds(3));
        assertThat(jdk.bodyPublisher().orElseThrow().contentLength()).isEqualTo(2);

        HttpRequests.Hop afterSeeOther = HttpRequests.next(spec, HttpRequests.Hop.first(spec), 303, URI.create("http://a/y"));
        assertThat(afterSeeOther).isEqualTo(new HttpRequests.Hop(URI.create("http://a/y"), "GET", null, true));
        HttpRequests.Hop afterTemporary = HttpRequests.next(spec, HttpRequests.Hop.first(spec), 307, URI.create("https://a/y"));
        assertThat(afterTemporary).isEqualTo(new HttpRequests.Hop(URI.create("https://a/y"), "POST", "{}", false));
        assertThat(HttpRequests.resolve(URI.create("http://a/x/y"), "../z")).contains(URI.create("http://a/z"));
        assertThat(HttpRequests.resolve(URI.create("http://a/"), "ftp://b/")).isEmpty();
        assertThat(spec.auth().toString()).doesNotContain("tok-123");
    }
}
