package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.AssertionResult;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.JsonBody;
import io.jenkins.plugins.deploysteps.engine.http.SetCookie;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the magic-link flow, check by check: request the link, read the email, extract link and token, verify
 * it into a session, use the session, then the negatives. A check that later ones depend on failing makes those
 * SKIP with the reason; nothing here throws but interruption.
 */
final class MagicLinkFlow {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EVIDENCE_EMAIL = 2000;

    private final MagicLinkSpec spec;
    private final RunContext ctx;
    private final ReportBuilder report;
    private final CheckRunner checks;
    private final Http http;
    private final SessionSecrets secrets;
    private final LinkExtractor extractor;
    private final MailPoller poller;
    private final Map<String, Target> hosts;
    private final String email;
    private final AppRequests requests;

    private Mailbox mailbox;
    private LinkExtractor.Found found;
    private String session;

    MagicLinkFlow(MagicLinkSpec spec, RunContext ctx, ReportBuilder report, Http http, Map<String, Target> hosts, String email) {
        this.spec = spec;
        this.ctx = ctx;
        this.report = report;
        this.checks = new CheckRunner(ctx, report);
        this.http = http;
        this.extractor = new LinkExtractor(spec.extraction());
        this.secrets = new SessionSecrets(ctx.masker(), ctx.progress(), extractor);
        this.poller = new MailPoller(spec.mailWait(), ctx.clock());
        this.hosts = hosts;
        this.email = email;
        this.requests = new AppRequests(spec, email);
    }

    void run() throws InterruptedException {
        checks.run("test email address", c -> c.expected(spec.emailTemplate()).actual(email)
                .pass(spec.emailTemplate().contains("${unique}") ? "unique to this run" : "a fixed address: only mail sent after the check began counts"));
        mailbox = openMailbox();
        try {
            boolean linked = mailbox != null && requestAndReadLink();
            boolean verified = linked && verifyToken();
            if (verified) {
                authenticated();
            } else {
                skipAuthenticated(linked ? "the token did not verify into a session" : "no magic link");
            }
            userRecord();
            refresh(verified);
            negatives(linked, verified);
        } finally {
            if (mailbox != null) {
                mailbox.close();
            }
        }
    }

    // ---- the link ----

    private Mailbox openMailbox() throws InterruptedException {
        MailboxSpec m = spec.mailbox();
        if (m instanceof MailboxSpec.HttpApi api) {
            return switch (api.type()) {
                case MAILPIT -> new MailpitMailbox(api, http, spec.app().timeout());
                case MAILHOG -> new MailHogMailbox(api, http, spec.app().timeout());
                default -> new MailDevMailbox(api, http, spec.app().timeout());
            };
        }
        if (m instanceof MailboxSpec.Imap imap) {
            return new ImapMailbox(imap, spec.app().timeout());
        }
        MailboxSpec.Command command = (MailboxSpec.Command) m;
        Target target = hosts.get(command.host());
        if (target == null) {
            skipLinkChecks("not connected to " + command.host());
            return null;
        }
        CommandMailbox box = new CommandMailbox(command, target);
        Check baseline = checks.run("mailbox readable", c -> {
            c.expected(box.describe() + " runs");
            try {
                box.baseline();
                return c.actual("ran").pass();
            } catch (MailboxException e) {
                return c.error(e.getMessage());
            }
        });
        if (baseline.status() != Status.PASS) {
            skipLinkChecks("the mailbox command failed");
            return null;
        }
        return box;
    }

    private void skipLinkChecks(String why) {
        for (String name : List.of("request magic link", "magic link email", "magic link and token", "verify token")) {
            checks.skip(name, why);
        }
    }

    /** Requests the link and reads it from the mailbox; true when link and token are known (and registered as secrets). */
    private boolean requestAndReadLink() throws InterruptedException {
        Instant since = ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).minus(spec.mailWait().clockSkew());
        long sentAt = System.nanoTime();
        Check send = checks.run("request magic link", c -> exchangeAndAssert(c, requests.send(spec.send().path()),
                List.of(new Assertion.Status(spec.send().expectStatus()))));
        if (send.status() != Status.PASS) {
            for (String name : List.of("magic link email", "magic link and token", "verify token")) {
                checks.skip(name, "requesting the link failed");
            }
            return false;
        }
        AtomicReference<Optional<LinkExtractor.Found>> extracted = new AtomicReference<>(Optional.empty());
        Check mail = checks.run("magic link email", c -> readMail(c, since, sentAt, m -> true, extracted));
        if (mail.status() != Status.PASS) {
            checks.skip("magic link and token", "no email");
            checks.skip("verify token", "no email");
            return false;
        }
        Check link = checks.run("magic link and token", c -> {
            c.expected(spec.extraction().linkPattern() == null ? "a link with a '" + spec.extraction().tokenParam() + "' query parameter"
                    : "a match of /" + spec.extraction().linkPattern().pattern() + "/");
            if (extracted.get().isEmpty()) {
                return c.actual("none").fail(lastMiss);
            }
            LinkExtractor.Found f = extracted.get().get();
            c.actual(f.link());
            Optional<String> refused = requests.refusal(f.link());
            if (refused.isPresent()) {
                return c.fail(refused.get());
            }
            found = f;
            return c.pass("token of " + found.token().length() + " characters");
        });
        if (link.status() != Status.PASS) {
            checks.skip("verify token", "no token");
            return false;
        }
        return true;
    }

    private String lastMiss = "no link";

    /**
     * Polls for the email and, the moment it is there, finds its link and registers link and token with the masker,
     * before the check that shows the email is recorded.
     */
    private Check readMail(Check.Builder c, Instant since, long requestedAt, java.util.function.Predicate<LinkExtractor.Found> wanted,
            AtomicReference<Optional<LinkExtractor.Found>> extracted) throws InterruptedException {
        // Only called once the mailbox is open (run() checks it); a null here is a bug, not a reader's failure.
        Mailbox mailbox = Objects.requireNonNull(this.mailbox, "the mailbox is not open");
        c.expected("an email to " + email + " in " + mailbox.describe() + " within " + Durations.format(spec.mailWait().timeout()));
        MailPoller.Outcome o = poller.poll(mailbox, email, since, m -> {
            Optional<LinkExtractor.Found> f = extractor.find(m);
            secrets.mail(m);
            f.ifPresent(x -> {
                secrets.token(x.token());
                secrets.link(x.link());
            });
            // A message without a usable link still ends the wait (and fails extraction); an unwanted link (an older one) does not.
            return f.isEmpty() || wanted.test(f.get());
        });
        if (o.message() == null) {
            String polls = " (" + o.polls() + " polls every " + Durations.format(spec.mailWait().pollInterval()) + ")";
            if (!o.everAnswered()) {
                return c.actual("mailbox not readable").error(o.lastFailure() + polls);
            }
            c.actual("no email");
            if (o.lastFailure() != null) {
                c.evidence("last mailbox failure", o.lastFailure());
            }
            return c.fail("no email to " + email + " arrived within " + Durations.format(spec.mailWait().timeout()) + polls);
        }
        extracted.set(extractor.find(o.message()));
        if (extracted.get().isEmpty()) {
            lastMiss = extractor.describeMiss(o.message());
        }
        long afterRequest = Duration.ofNanos(System.nanoTime() - requestedAt).toMillis();
        report.fact("emailDetectedAt", o.detectedAt().toString());
        report.fact("mailboxPolls", o.polls());
        c.evidence("email", o.message().describe(EVIDENCE_EMAIL));
        return c.actual("'" + o.message().subject() + "' found " + afterRequest + " ms after the request, on poll " + o.polls()).pass();
    }

    // ---- the session ----

    private boolean verifyToken() throws InterruptedException {
        HttpResult[] response = new HttpResult[1];
        Check verify = checks.run("verify token", c -> {
            HttpResult r = exchange(c, requests.verify(found.token(), found.link()));
            if (r == null) {
                return c.error(lastError);
            }
            response[0] = r;
            secrets.response(r);
            List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(spec.verify().expectStatus())), r));
            Optional<String> s = session(r);
            s.ifPresent(secrets::session);
            results.add(AssertionResult.of("session", spec.verify().cookieSession() ? "cookie " + spec.verify().sessionCookie()
                    : spec.verify().sessionJsonPath(), s.isPresent() ? "issued" : "none", s.isPresent()));
            if (s.isPresent() && Assertions.allHeld(results)) {
                session = s.get();
            }
            return Assertions.toCheck(c, results, r);
        });
        if (spec.verify().cookieSession()) {
            cookieAttributes(verify.status() == Status.PASS ? response[0] : null);
        }
        return verify.status() == Status.PASS;
    }

    /** The session a verify or refresh response issued: the named cookie, or the JSON value. */
    private Optional<String> session(HttpResult r) {
        if (spec.verify().cookieSession()) {
            return sessionCookie(r).map(SetCookie::value).filter(v -> !v.isEmpty());
        }
        JsonBody.Selected s = new JsonBody(r).select(spec.verify().sessionJsonPath());
        return s.found() && s.value() instanceof String v && !v.isBlank() ? Optional.of(v) : Optional.empty();
    }

    private Optional<SetCookie> sessionCookie(HttpResult r) {
        SetCookie last = null;
        for (SetCookie c : r.setCookies()) {
            if (c.name().equals(spec.verify().sessionCookie())) {
                last = c;
            }
        }
        return Optional.ofNullable(last);
    }

    /** HttpOnly, Secure and SameSite of the session cookie, as warnings: a browser-facing weakness, not a broken login. */
    private void cookieAttributes(HttpResult r) throws InterruptedException {
        String name = "session cookie ";
        SetCookie cookie = r == null ? null : sessionCookie(r).orElse(null);
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

    private void authenticated() throws InterruptedException {
        for (AuthenticatedCheckSpec a : spec.authenticatedChecks()) {
            checks.run("authenticated: " + a.name(), c -> callWith(c, a, session));
        }
    }

    private void skipAuthenticated(String why) {
        for (AuthenticatedCheckSpec a : spec.authenticatedChecks()) {
            checks.skip("authenticated: " + a.name(), why);
        }
    }

    private Check callWith(Check.Builder c, AuthenticatedCheckSpec a, String withSession) throws InterruptedException {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(new Assertion.Status(a.expectStatus()));
        a.expectJson().forEach((path, expected) -> assertions.add(new Assertion.Json(path, Placeholders.fillText(expected, email))));
        if (a.expectBodyContains() != null) {
            assertions.add(new Assertion.BodyContains(Placeholders.fillText(a.expectBodyContains(), email)));
        }
        return exchangeAndAssert(c, requests.authenticated(a, withSession), assertions);
    }

    private void userRecord() throws InterruptedException {
        MagicLinkSpec.UserRecord u = spec.userRecord();
        if (u == null) {
            return;
        }
        Target target = hosts.get(u.host());
        if (target == null) {
            checks.skip("user record", "not connected to " + u.host());
            return;
        }
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

    private void refresh(boolean verified) throws InterruptedException {
        if (spec.refresh() == null) {
            return;
        }
        if (!verified) {
            checks.skip("refresh session", "no session");
            checks.skip("refreshed session works", "no session");
            return;
        }
        String[] renewed = new String[1];
        Check refresh = checks.run("refresh session", c -> {
            HttpResult r = exchange(c, requests.refresh(session));
            if (r == null) {
                return c.error(lastError);
            }
            secrets.response(r);
            Optional<String> s = session(r);
            s.ifPresent(secrets::session);
            List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(StatusExpectation.SUCCESS)), r));
            results.add(AssertionResult.of("session", "a new one", s.isPresent() ? "issued" : "none", s.isPresent()));
            renewed[0] = s.orElse(null);
            return Assertions.toCheck(c, results, r);
        });
        if (refresh.status() != Status.PASS || spec.authenticatedChecks().isEmpty()) {
            checks.skip("refreshed session works", refresh.status() != Status.PASS ? "the refresh failed" : "no authenticated check to call");
            return;
        }
        AuthenticatedCheckSpec first = spec.authenticatedChecks().get(0);
        checks.run("refreshed session works", c -> callWith(c, first, renewed[0]));
    }

    // ---- negatives ----

    private void negatives(boolean linked, boolean verified) throws InterruptedException {
        MagicLinkSpec.Negatives n = spec.negatives();
        if (n.invalidToken()) {
            if (spec.verify().followLink() && !linked) {
                checks.skip("invalid token rejected", "following the link needs a link to put the invalid token in");
            } else {
                String invalid = "invalid-" + random(16);
                checks.run("invalid token rejected", c -> rejected(c, requests.verify(invalid, found == null ? "" : found.link())));
            }
        }
        if (n.reusedToken()) {
            if (verified) {
                checks.run("used token rejected on second use", c -> rejected(c, requests.verify(found.token(), found.link())));
            } else {
                checks.skip("used token rejected on second use", "the token was not used successfully once");
            }
        }
        if (n.noSession()) {
            AuthenticatedCheckSpec first = spec.authenticatedChecks().get(0);
            checks.run("no session rejected", c -> exchangeAndAssert(c, requests.authenticated(first, null),
                    List.of(new Assertion.Status(n.expectNoSessionStatus()))));
        }
        expiredToken(linked);
        rateLimit();
    }

    /** The response to a token that must not work: a rejecting status, and no session issued. */
    private Check rejected(Check.Builder c, HttpRequestSpec request) throws InterruptedException {
        HttpResult r = exchange(c, request);
        if (r == null) {
            return c.error(lastError);
        }
        secrets.response(r);
        Optional<String> issued = session(r);
        issued.ifPresent(secrets::session);
        List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(spec.negatives().expectInvalidStatus())), r));
        results.add(AssertionResult.of("session", "none issued", issued.isPresent() ? "issued" : "none", issued.isEmpty()));
        return Assertions.toCheck(c, results, r);
    }

    private void expiredToken(boolean linked) throws InterruptedException {
        MagicLinkSpec.ExpiredToken e = spec.expiredToken();
        if (e == null) {
            return;
        }
        String name = "expired token rejected";
        if (e.token() != null) {
            checks.run(name, c -> rejected(c, requests.verify(e.token(), found == null ? "" : found.link())));
            return;
        }
        if (!linked) {
            checks.skip(name, "no magic link could be had to let expire");
            return;
        }
        String used = found.token();
        checks.run(name, c -> {
            Instant since = ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).minus(spec.mailWait().clockSkew());
            HttpResult sent = exchange(c, requests.send(spec.send().path()));
            if (sent == null) {
                return c.error(lastError);
            }
            if (!spec.send().expectStatus().accepts(sent.status())) {
                return c.error("requesting a second link answered " + sent.status());
            }
            AtomicReference<Optional<LinkExtractor.Found>> second = new AtomicReference<>(Optional.empty());
            Check mail = readMail(Check.named(name), since, System.nanoTime(), f -> !f.token().equals(used), second);
            if (mail.status() != Status.PASS || second.get().isEmpty()) {
                return c.error("no second link to let expire: " + (mail.message() != null ? mail.message() : lastMiss));
            }
            Optional<String> refused = requests.refusal(second.get().get().link());
            if (refused.isPresent()) {
                return c.fail("the second link: " + refused.get());
            }
            ctx.progress().info("[" + name + "] waiting " + Durations.human(e.ttl()) + " for a fresh token to expire");
            Thread.sleep(e.ttl().toMillis());
            return rejected(c, requests.verify(second.get().get().token(), second.get().get().link()));
        });
    }

    private void rateLimit() throws InterruptedException {
        MagicLinkSpec.RateLimit limit = spec.rateLimit();
        if (limit == null) {
            return;
        }
        checks.run("rate limit", c -> {
            c.expected(limit.expectStatus() + " within " + limit.requests() + " requests to " + limit.path());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= limit.requests(); i++) {
                HttpResult r = exchange(c, requests.send(limit.path()));
                if (r == null) {
                    return c.actual("statuses " + statuses).error("request " + i + ": " + lastError);
                }
                statuses.add(r.status());
                if (limit.expectStatus().accepts(r.status())) {
                    return c.actual("request " + i + " answered " + r.status()).pass();
                }
            }
            return c.actual("statuses " + statuses).fail(limit.requests() + " requests in a row and none answered " + limit.expectStatus()
                    + ": no rate limit on " + limit.path());
        });
    }

    // ---- HTTP ----

    private String lastError;

    /** Sends the request; null when there was no response ({@link #lastError} says why, an ERROR and never a status). */
    private HttpResult exchange(Check.Builder c, HttpRequestSpec request) throws InterruptedException {
        try {
            HttpResult r = http.exchange(request);
            // Whatever the request: a send response may echo the token (development builds) or be a session itself.
            secrets.response(r);
            return r;
        } catch (HttpFailure f) {
            lastError = f.getMessage();
            return null;
        }
    }

    private Check exchangeAndAssert(Check.Builder c, HttpRequestSpec request, List<Assertion> assertions) throws InterruptedException {
        HttpResult r = exchange(c, request);
        if (r == null) {
            return c.error(lastError);
        }
        return Assertions.toCheck(c, Assertions.evaluate(assertions, r), r);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** What {@code ${unique}} becomes: the time in base 36 and 6 random hex digits, e.g. {@code lxk2b3f9a1b2c3}. */
    static String unique() {
        return Long.toString(System.currentTimeMillis(), 36) + random(3);
    }
}
