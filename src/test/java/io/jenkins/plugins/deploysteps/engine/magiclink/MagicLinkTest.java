package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.check;
import static io.jenkins.plugins.deploysteps.testing.PlanStepHarness.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp;
import io.jenkins.plugins.deploysteps.testing.MagicLinkApp.Misbehaviour;
import io.jenkins.plugins.deploysteps.testing.MailDev;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * magicLinkAuthCheck against the magic-link test app on 127.0.0.1, which mails its links over SMTP to a real MailDev;
 * the step reads them through MailDev's REST API. The correct app passes every check; each misbehaviour fails the
 * check that is about it.
 */
class MagicLinkTest {
    @TempDir
    static Path mailDir;
    @TempDir
    Path reports;

    static MailDev maildev;
    MagicLinkApp app;
    PlanStepHarness<MagicLinkSpec> harness;

    @BeforeAll
    static void mailServer() {
        maildev = MailDev.start(mailDir);
    }

    @AfterAll
    static void stopMailServer() {
        if (maildev != null) {
            maildev.close();
        }
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    private MagicLinkApp app(MagicLinkApp.Settings settings) {
        app = new MagicLinkApp(settings);
        harness = new PlanStepHarness<>(new MagicLinkAuthCheck(), reports);
        return app;
    }

    private MagicLinkApp.Settings settings() {
        return MagicLinkApp.Settings.of("127.0.0.1", maildev.smtpPort());
    }

    /** The deployment checklist's whole login flow: profile, chat with the session in the body, refresh, and rate limiting opted in. */
    private Map<String, Object> fullFlow() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("baseUrl", app.url());
        p.put("mailbox", Map.of("type", "maildev", "url", maildev.webUrl()));
        p.put("mailTimeout", "20s");
        p.put("authenticatedChecks", List.of(
                check("name", "profile", "path", "/api/user/profile", "expectJson", Map.of("$.email", "${email}")),
                check("name", "chat", "path", "/api/chat", "method", "POST", "body", "{\"message\":\"test\"}", "auth", "bodyField:sessionToken",
                        "expectJson", Map.of("$.reply", "you said: test"))));
        p.put("refreshPath", "/api/auth/refresh");
        p.put("rateLimit", Map.of("requests", 10));
        return p;
    }

    @Test
    void theCorrectAppPassesEveryCheckAndNoSecretLeaves() throws Exception {
        app(settings());
        StepResult r = harness.run(fullFlow());
        Report report = r.report();
        assertThat(report.checks()).extracting(Check::name).containsExactly("test email address", "request magic link", "magic link email",
                "magic link and token", "verify token", "authenticated: profile", "authenticated: chat", "refresh session", "refreshed session works",
                "invalid token rejected", "used token rejected on second use", "no session rejected", "rate limit");
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(Status.PASS));
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        String email = report.fact("email");
        assertThat(email).matches("magiclink\\+[0-9a-z]+@example\\.com");
        assertThat(named(report, "magic link email").actual()).contains("'Your sign-in link' found ").contains("on poll ");
        assertThat(named(report, "authenticated: profile").actual()).contains("$.email " + email);
        assertThat(named(report, "rate limit").actual()).matches("request \\d+ answered 429");
        assertThat(named(report, "magic link and token").actual()).isEqualTo("****");
        assertThat(Files.readString(Path.of(r.files().json()))).contains("token=****");
        assertNoSecretIn(r);
    }

    /** Every token and session the app issued, in no form anywhere: log, the three reports, the return value. */
    private void assertNoSecretIn(StepResult r) throws Exception {
        String everything = harness.log.text() + Files.readString(Path.of(r.files().xml())) + Files.readString(Path.of(r.files().json()))
                + Files.readString(Path.of(r.files().html())) + r.toMap();
        Set<String> secrets = new java.util.HashSet<>(app.issuedTokens());
        secrets.addAll(app.issuedSessions());
        assertThat(secrets).isNotEmpty();
        for (String s : secrets) {
            assertThat(everything).doesNotContain(s);
        }
    }

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of(Misbehaviour.ACCEPT_INVALID_TOKEN, "invalid token rejected", "session: expected none issued, actual issued"),
                Arguments.of(Misbehaviour.ALLOW_REUSE, "used token rejected on second use", "status: expected 400-499, actual 200"),
                Arguments.of(Misbehaviour.NO_RATE_LIMIT, "rate limit", "10 requests in a row and none answered 429"),
                Arguments.of(Misbehaviour.SLOW_MAIL, "magic link email", "arrived within 1s"),
                Arguments.of(Misbehaviour.NO_MAIL, "magic link email", "arrived within 1s"),
                Arguments.of(Misbehaviour.WRONG_LINK, "verify token", "status: expected 200, actual 400"),
                Arguments.of(Misbehaviour.SESSION_NOT_ACCEPTED, "authenticated: profile", "status: expected 200-299, actual 401"));
    }

    @ParameterizedTest
    @MethodSource("misbehaviours")
    void eachMisbehaviourFailsTheCheckAboutIt(Misbehaviour m, String check, String message) throws Exception {
        app(settings().misbehaving(m));
        Map<String, Object> p = fullFlow();
        p.put("mailTimeout", "1s");
        if (m != Misbehaviour.NO_MAIL && m != Misbehaviour.SLOW_MAIL) {
            p.put("mailTimeout", "20s");
        }
        StepResult r = harness.run(p);
        Report report = r.report();
        Check first = report.checks().stream().filter(c -> c.status() != Status.PASS && c.status() != Status.SKIP).findFirst()
                .orElseThrow(() -> new AssertionError("nothing failed: " + report.checks()));
        assertThat(first.name()).as(report.checks().toString()).isEqualTo(check);
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.message()).contains(message);
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(report.verdict().reason()).contains(check);
        assertNoSecretIn(r);
    }

    @Test
    void slowMailIsFoundWhenTheWaitIsLongEnough() throws Exception {
        app(settings().misbehaving(Misbehaviour.SLOW_MAIL));
        StepResult r = harness.run(Map.of("baseUrl", app.url(), "mailbox", Map.of("type", "maildev", "url", maildev.webUrl()), "mailTimeout", "30s"));
        assertThat(named(r.report(), "magic link email").status()).isEqualTo(Status.PASS);
        assertThat(Integer.parseInt(r.report().fact("mailboxPolls"))).isGreaterThan(1);
        assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void followingTheLinkKeepsItsCookieAcrossTheRedirectAndChecksTheCookieAttributes() throws Exception {
        app(settings());
        StepResult r = harness.run(Map.of("baseUrl", app.url(), "mailbox", Map.of("type", "maildev", "url", maildev.webUrl()), "mailTimeout", "20s",
                "followLink", true, "sessionCookie", "sid", "authenticatedChecks", List.of(
                        check("name", "welcome", "path", "/welcome", "expectJson", Map.of("$.welcome", "${email}")),
                        check("name", "profile", "path", "/api/user/profile"))));
        Report report = r.report();
        assertThat(named(report, "verify token").status()).as(report.checks().toString()).isEqualTo(Status.PASS);
        assertThat(named(report, "verify token").evidence()).anySatisfy(e -> assertThat(e.text()).contains("redirect: 302"));
        assertThat(named(report, "session cookie HttpOnly").status()).isEqualTo(Status.PASS);
        assertThat(named(report, "session cookie SameSite").status()).isEqualTo(Status.PASS);
        assertThat(named(report, "session cookie Secure").status()).isEqualTo(Status.SKIP);
        assertThat(named(report, "session cookie HttpOnly").actual()).isEqualTo("path=/; httponly; samesite=Lax");
        assertThat(named(report, "authenticated: welcome").status()).isEqualTo(Status.PASS);
        assertThat(named(report, "used token rejected on second use").status()).isEqualTo(Status.PASS);
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertNoSecretIn(r);
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        app(settings().tokenTtl(Duration.ofSeconds(1)));
        StepResult r = harness.run(Map.of("baseUrl", app.url(), "mailbox", Map.of("type", "maildev", "url", maildev.webUrl()), "mailTimeout", "20s",
                "expiredToken", Map.of("ttl", "2s")));
        Check expired = named(r.report(), "expired token rejected");
        assertThat(expired.status()).as(expired.toString()).isEqualTo(Status.PASS);
        assertThat(expired.actual()).startsWith("status 401");
        assertThat(harness.log.text()).contains("waiting 2.0 s for a fresh token to expire");
        assertNoSecretIn(r);
    }

    @Test
    void anUnreachableMailboxIsAnErrorWithTheCause() throws Exception {
        app(settings());
        int closed = io.jenkins.plugins.deploysteps.testing.TestHttpServer.closedPort();
        StepResult r = harness.run(Map.of("baseUrl", app.url(), "mailbox", Map.of("type", "maildev", "url", "http://127.0.0.1:" + closed),
                "mailTimeout", "1s"));
        Check mail = named(r.report(), "magic link email");
        assertThat(mail.status()).isEqualTo(Status.ERROR);
        assertThat(mail.message()).startsWith("maildev at http://127.0.0.1:" + closed + ": cannot connect to 127.0.0.1:" + closed);
        assertThat(named(r.report(), "verify token").status()).isEqualTo(Status.SKIP);
        assertThat(named(r.report(), "invalid token rejected").status()).isEqualTo(Status.PASS);
    }

    private Map<String, Object> basic() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("baseUrl", app.url());
        p.put("mailbox", Map.of("type", "maildev", "url", maildev.webUrl()));
        p.put("mailTimeout", "20s");
        return p;
    }

    @Test
    void aLinkWithAnotherSchemeFailsExtractionAndItsTokenIsMaskedAllTheSame() throws Exception {
        app(settings().linkBase("file:///srv/app"));
        StepResult r = harness.run(basic());
        Check link = named(r.report(), "magic link and token");
        assertThat(link.status()).as(r.report().checks().toString()).isEqualTo(Status.FAIL);
        assertThat(named(r.report(), "magic link email").evidence()).anySatisfy(e -> assertThat(e.text()).contains("file:///srv/app/auth/verify?token=****"));
        assertNoSecretIn(r);
    }

    /** A development build echoing the token, and a send path that answers with a session: what the step learns first. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ECHO_TOKEN, devToken", "SESSION_ON_SEND, sessionToken"})
    void aSecretInTheSendResponseIsMaskedEverywhere(Misbehaviour m, String field) throws Exception {
        app(settings().misbehaving(m));
        StepResult r = harness.run(basic());
        assertThat(named(r.report(), "request magic link").evidence()).anySatisfy(e -> assertThat(e.text()).contains("\"" + field + "\":\"****\""));
        assertNoSecretIn(r);
    }

    @Test
    void followLinkRefusesALinkToAnotherOriginAndSendsItNothing() throws Exception {
        try (TestHttpServer foreign = TestHttpServer.http().on("/auth/verify", (x) -> {
            x.getResponseHeaders().add("Set-Cookie", "sid=foreign-session-0123456789; Path=/");
            TestHttpServer.send(x, 200, "application/json", "{\"sessionToken\":\"foreign-session-0123456789\"}");
        })) {
            app(settings().linkBase(foreign.url("")));
            Map<String, Object> p = basic();
            p.put("followLink", true);
            p.put("headers", Map.of("X-Api-Key", "api-key-0123456789"));
            StepResult r = harness.run(p);
            Report report = r.report();
            Check link = named(report, "magic link and token");
            assertThat(link.status()).as(report.checks().toString()).isEqualTo(Status.FAIL);
            assertThat(link.message()).contains("leads to http://127.0.0.1:" + foreign.port() + ", not to the app at http://127.0.0.1:" + app.uri().getPort());
            assertThat(named(report, "verify token").status()).isEqualTo(Status.SKIP);
            assertThat(named(report, "invalid token rejected").status()).isEqualTo(Status.SKIP);
            assertThat(report.verdict().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(report.verdict().reason()).contains("magic link and token");
            assertThat(foreign.hits("/auth/verify")).isZero();
            assertThat(foreign.lastHeaders("/auth/verify")).doesNotContainKeys("x-api-key", "cookie");
            assertNoSecretIn(r);
        }
    }

    @Test
    void followLinkOpensALinkToAnOriginListedInLinkOrigins() throws Exception {
        try (TestHttpServer front = TestHttpServer.http().on("/auth/verify", TestHttpServer.json(200, "{\"sessionToken\":\"front-session-0123456789\"}"))) {
            app(settings().linkBase(front.url("")));
            Map<String, Object> p = basic();
            p.put("followLink", true);
            p.put("linkOrigins", List.of(front.url("")));
            p.put("rejectInvalidToken", false);
            p.put("rejectReusedToken", false);
            StepResult r = harness.run(p);
            assertThat(named(r.report(), "magic link and token").status()).as(r.report().checks().toString()).isEqualTo(Status.PASS);
            assertThat(named(r.report(), "verify token").status()).isEqualTo(Status.PASS);
            assertThat(front.hits("/auth/verify")).isEqualTo(1);
            assertNoSecretIn(r);
        }
    }
}
