package io.jenkins.plugins.deploysteps.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Set-Cookie as RFC 6265 reads it, and cookies carried from one hop of a followed redirect to the next. */
class CookieJarTest {

    @Test
    void setCookieAttributes() {
        SetCookie c = SetCookie.parse("sid=\"abc=def\"; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=3600").orElseThrow();
        assertThat(c.name()).isEqualTo("sid");
        assertThat(c.value()).isEqualTo("abc=def");
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.secure()).isTrue();
        assertThat(c.sameSite()).contains("Strict");
        assertThat(c.describeAttributes()).isEqualTo("path=/; httponly; secure; samesite=Strict; max-age=3600");
        assertThat(c.toString()).doesNotContain("abc=def");
        assertThat(SetCookie.parse("novalue; Path=/")).isEmpty();
        assertThat(SetCookie.parse("a=1").orElseThrow().sameSite()).isEmpty();
    }

    @Test
    void theJarFollowsDomainPathSecureAndDeletion() {
        CookieJar jar = new CookieJar();
        jar.store(URI.create("https://app.example.com/auth/verify"), List.of("sid=1; Path=/; Secure", "pref=2", "wide=3; Domain=example.com; Path=/",
                "foreign=4; Domain=other.test"));
        assertThat(jar.header(URI.create("https://app.example.com/welcome"))).isEqualTo("sid=1; wide=3");
        assertThat(jar.header(URI.create("https://app.example.com/auth/x"))).isEqualTo("sid=1; pref=2; wide=3");
        assertThat(jar.header(URI.create("http://app.example.com/welcome"))).isEqualTo("wide=3");
        assertThat(jar.header(URI.create("https://www.example.com/"))).isEqualTo("wide=3");
        assertThat(jar.header(URI.create("https://other.test/"))).isNull();
        jar.store(URI.create("https://app.example.com/"), List.of("sid=; Path=/; Max-Age=0"));
        assertThat(jar.header(URI.create("https://app.example.com/welcome"))).isEqualTo("wide=3");
    }

    @Test
    void aCookieSetByARedirectGoesToTheNextHopAndIsReported() throws Exception {
        try (TestHttpServer server = TestHttpServer.http()) {
            server.on("/login", x -> {
                x.getResponseHeaders().add("Set-Cookie", "sid=s3ss10n; Path=/; HttpOnly");
                TestHttpServer.redirect(302, "/home").handle(x);
            });
            server.on("/home", x -> TestHttpServer.send(x, 200, "text/plain", "cookie: " + x.getRequestHeaders().getFirst("Cookie")));
            HttpResult r = new Http(TrustSource.JVM).exchange(new HttpRequestSpec("GET", server.uri("/login"), Map.of("Cookie", "pre=1"), null, null,
                    Duration.ofSeconds(5), true));
            assertThat(r.bodyText()).isEqualTo("cookie: pre=1; sid=s3ss10n");
            assertThat(r.redirects()).singleElement().satisfies(h -> assertThat(h.setCookies()).containsExactly("sid=s3ss10n; Path=/; HttpOnly"));
            assertThat(r.setCookies()).extracting(SetCookie::name).containsExactly("sid");
        }
    }
}
