package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.AssertionResult;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.SetCookie;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stages that use the token: verify it into a session (and check the session cookie's attributes), call the
 * authenticated checks with the session, look for the user record, and refresh the session.
 */
final class SessionChecks {
    /** The session the token was verified into, and the response that issued it. */
    record Session(String token, HttpResult response) {}

    private final FlowParts run;
    private final CheckRunner checks;
    private final MagicLinkSpec spec;

    SessionChecks(FlowParts run) {
        this.run = run;
        this.checks = run.checks();
        this.spec = run.spec();
    }

    /**
     * {@code verify token} with the link's token, then (for a cookie session) the cookie's attributes; skipped for the
     * reason the link is missing.
     */
    Outcome<Session> verify(Outcome<LinkExtractor.Found> link) throws InterruptedException {
        Outcome<Session> session = Stages.from(link).then("verify token", "the token did not verify into a session", this::verifyToken).run(checks);
        if (link.present()) {
            cookieAttributes(session);
        }
        return session;
    }

    /** The token answers as expected and issues a session. */
    private Checked<Session> verifyToken(Check.Builder c, LinkExtractor.Found link) throws InterruptedException {
        AppClient.Answer a = run.app().exchange(run.requests().verify(link.token(), link.link()));
        if (!a.answered()) {
            return Checked.without(c.error(a.failure()));
        }
        HttpResult r = a.response();
        List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(spec.verify().expectStatus())), r));
        Optional<String> s = run.app().issuedSession(r);
        results.add(AssertionResult.of("session", spec.verify().cookieSession() ? "cookie " + spec.verify().sessionCookie()
                : spec.verify().sessionJsonPath(), s.isPresent() ? "issued" : "none", s.isPresent()));
        return Checked.of(Assertions.toCheck(c, results, r), s.map(token -> new Session(token, r)).orElse(null));
    }

    /** HttpOnly, Secure and SameSite of the session cookie, as warnings: a browser-facing weakness, not a broken login. */
    private void cookieAttributes(Outcome<Session> session) throws InterruptedException {
        if (!spec.verify().cookieSession()) {
            return;
        }
        String name = "session cookie ";
        SetCookie cookie = session.present() ? run.app().sessionCookie(session.value().response()).orElse(null) : null;
        if (cookie == null) {
            for (String a : List.of("HttpOnly", "Secure", "SameSite")) {
                checks.skip(name + a, "no session cookie");
            }
            return;
        }
        String attributes = cookie.describeAttributes();
        checks.run(name + "HttpOnly", Severity.WARNING, c -> c.expected("HttpOnly").actual(attributes)
                .verdict(cookie.httpOnly(), "without HttpOnly, any script on the page (an XSS) can read the session"));
        if (!"https".equalsIgnoreCase(spec.app().baseUrl().getScheme())) {
            checks.skip(name + "Secure", "baseUrl is http; check it against the https site");
        } else {
            checks.run(name + "Secure", Severity.WARNING, c -> c.expected("Secure").actual(attributes)
                    .verdict(cookie.secure(), "without Secure, the session may travel over plain http"));
        }
        checks.run(name + "SameSite", Severity.WARNING, c -> {
            c.expected("SameSite=Lax or Strict").actual(attributes);
            String s = cookie.sameSite().orElse(null);
            if (s == null) {
                return c.fail("no SameSite attribute: say Lax or Strict rather than rely on the browser's default");
            }
            return c.verdict(s.equalsIgnoreCase("Lax") || s.equalsIgnoreCase("Strict"), "SameSite=" + s + " sends the session with requests from other sites");
        });
    }

    /** {@code authenticated: <name>} for each check: the response to the request with the session holds every assertion. */
    void authenticated(Outcome<Session> session) throws InterruptedException {
        for (AuthenticatedCheckSpec a : spec.authenticatedChecks()) {
            String name = "authenticated: " + a.name();
            if (session.present()) {
                checks.run(name, c -> callWith(c, a, session.value().token()));
            } else {
                checks.skip(name, session.why());
            }
        }
    }

    Check callWith(Check.Builder c, AuthenticatedCheckSpec a, String withSession) throws InterruptedException {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(new Assertion.Status(a.expectStatus()));
        a.expectJson().forEach((path, expected) -> assertions.add(new Assertion.Json(path, Placeholders.fillText(expected, run.email()))));
        if (a.expectBodyContains() != null) {
            assertions.add(new Assertion.BodyContains(Placeholders.fillText(a.expectBodyContains(), run.email())));
        }
        return run.app().exchangeAndAssert(c, run.requests().authenticated(a, withSession), assertions);
    }

    /** {@code user record}, when asked for: the command on its host prints the test address. */
    void userRecord(Map<String, Target> hosts) throws InterruptedException {
        MagicLinkSpec.UserRecord u = spec.userRecord();
        if (u == null) {
            return;
        }
        Target target = hosts.get(u.host());
        if (target == null) {
            checks.skip("user record", "not connected to " + u.host());
            return;
        }
        String email = run.email();
        checks.run("user record", c -> {
            c.expected("the output of the command on " + u.host() + " names " + email);
            ExecResult r = target.exec(RemoteCommand.of(Cmd.script(u.command(), email), u.timeout()).quiet());
            c.evidence("output", r.stdoutText().length() > 4000 ? r.stdoutText().substring(0, 4000) + SecretMasker.CUT : r.stdoutText());
            if (!r.succeeded()) {
                return c.actual("exit " + r.exitCode()).error("the command failed: " + r.tail(2));
            }
            boolean named = MailMessage.mentions(email).matcher(r.stdoutText()).find();
            return c.actual(named ? "names it" : "does not name it").verdict(named, "no user record for " + email + ": the command did not print it");
        });
    }

    /** {@code refresh session}, when asked for, then {@code refreshed session works} for the first authenticated check. */
    void refresh(Outcome<Session> session) throws InterruptedException {
        if (spec.refresh() == null) {
            return;
        }
        Outcome<String> renewed = Stages.from(session.map(Session::token).orBecause("no session"))
                .then("refresh session", "the refresh failed", this::renew)
                .run(checks)
                .onlyIf(!spec.authenticatedChecks().isEmpty(), "no authenticated check to call");
        Stages.from(renewed).then("refreshed session works", "the refreshed session did not work",
                (c, s) -> Checked.of(callWith(c, spec.authenticatedChecks().get(0), s), s)).run(checks);
    }

    private Checked<String> renew(Check.Builder c, String token) throws InterruptedException {
        AppClient.Answer a = run.app().exchange(run.requests().refresh(token));
        if (!a.answered()) {
            return Checked.without(c.error(a.failure()));
        }
        HttpResult r = a.response();
        Optional<String> s = run.app().issuedSession(r);
        List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(StatusExpectation.SUCCESS)), r));
        results.add(AssertionResult.of("session", "a new one", s.isPresent() ? "issued" : "none", s.isPresent()));
        return Checked.of(Assertions.toCheck(c, results, r), s.orElse(null));
    }
}
