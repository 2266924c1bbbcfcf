package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.AssertionResult;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ways login must fail: a random token, the used token again, no session, and (opted in) an expired token and
 * too many link requests. Rate limiting comes last: it uses up the address's quota.
 */
final class NegativeChecks {
    private final FlowParts run;
    private final CheckRunner checks;
    private final MagicLinkSpec spec;
    private final LinkChecks links;

    NegativeChecks(FlowParts run, LinkChecks links) {
        this.run = run;
        this.checks = run.checks();
        this.spec = run.spec();
        this.links = links;
    }

    /** All of them, in order, given what the flow got: the link (and its mailbox) and the session. */
    void run(Outcome<Mailbox> mailbox, Outcome<LinkExtractor.Found> link, Outcome<SessionChecks.Session> session) throws InterruptedException {
        MagicLinkSpec.Negatives n = spec.negatives();
        String linkOrNone = link.present() ? link.value().link() : "";
        if (n.invalidToken()) {
            if (spec.verify().followLink() && !link.present()) {
                checks.skip("invalid token rejected", "following the link needs a link to put the invalid token in");
            } else {
                String invalid = "invalid-" + FlowParts.random(16);
                checks.run("invalid token rejected", c -> rejected(c, run.requests().verify(invalid, linkOrNone)));
            }
        }
        if (n.reusedToken()) {
            if (session.present()) {
                checks.run("used token rejected on second use", c -> rejected(c, run.requests().verify(link.value().token(), link.value().link())));
            } else {
                checks.skip("used token rejected on second use", "the token was not used successfully once");
            }
        }
        if (n.noSession()) {
            AuthenticatedCheckSpec first = spec.authenticatedChecks().get(0);
            checks.run("no session rejected", c -> run.app().exchangeAndAssert(c, run.requests().authenticated(first, null),
                    List.of(new Assertion.Status(n.expectNoSessionStatus()))));
        }
        expiredToken(mailbox, link);
        rateLimit();
    }

    /** The response to a token that must not work: a rejecting status, and no session issued. */
    private Check rejected(Check.Builder c, HttpRequestSpec request) throws InterruptedException {
        AppClient.Answer a = run.app().exchange(request);
        if (!a.answered()) {
            return c.error(a.failure());
        }
        HttpResult r = a.response();
        Optional<String> issued = run.app().issuedSession(r);
        List<AssertionResult> results = new ArrayList<>(Assertions.evaluate(List.of(new Assertion.Status(spec.negatives().expectInvalidStatus())), r));
        results.add(AssertionResult.of("session", "none issued", issued.isPresent() ? "issued" : "none", issued.isEmpty()));
        return Assertions.toCheck(c, results, r);
    }

    /** A known expired token, or a fresh link's token used after its lifetime, is refused. */
    private void expiredToken(Outcome<Mailbox> mailbox, Outcome<LinkExtractor.Found> link) throws InterruptedException {
        MagicLinkSpec.ExpiredToken e = spec.expiredToken();
        if (e == null) {
            return;
        }
        String name = "expired token rejected";
        if (e.token() != null) {
            checks.run(name, c -> rejected(c, run.requests().verify(e.token(), link.present() ? link.value().link() : "")));
            return;
        }
        if (!link.present()) {
            checks.skip(name, "no magic link could be had to let expire");
            return;
        }
        String used = link.value().token();
        checks.run(name, c -> {
            Instant since = links.mailSince();
            AppClient.Answer sent = run.app().exchange(run.requests().send(spec.send().path()));
            if (!sent.answered()) {
                return c.error(sent.failure());
            }
            if (!spec.send().expectStatus().accepts(sent.response().status())) {
                return c.error("requesting a second link answered " + sent.response().status());
            }
            LinkChecks.Requested requested = new LinkChecks.Requested(mailbox.value(), since, System.nanoTime());
            Checked<LinkChecks.Mail> mail = links.readMail(Check.named(name), requested, f -> !f.token().equals(used));
            if (mail.check().status() != Status.PASS || mail.value().link().isEmpty()) {
                return c.error("no second link to let expire: " + (mail.check().message() != null ? mail.check().message() : mail.value().miss()));
            }
            LinkExtractor.Found second = mail.value().link().get();
            Optional<String> refused = run.requests().refusal(second.link());
            if (refused.isPresent()) {
                return c.fail("the second link: " + refused.get());
            }
            run.ctx().progress().info("[" + name + "] waiting " + Durations.human(e.ttl()) + " for a fresh token to expire");
            Thread.sleep(e.ttl().toMillis());
            return rejected(c, run.requests().verify(second.token(), second.link()));
        });
    }

    /** {@code rate limit}: one of {@code requests} link requests in a row answers the expected (refusing) status. */
    private void rateLimit() throws InterruptedException {
        MagicLinkSpec.RateLimit limit = spec.rateLimit();
        if (limit == null) {
            return;
        }
        checks.run("rate limit", c -> {
            c.expected(limit.expectStatus() + " within " + limit.requests() + " requests to " + limit.path());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= limit.requests(); i++) {
                AppClient.Answer a = run.app().exchange(run.requests().send(limit.path()));
                if (!a.answered()) {
                    return c.actual("statuses " + statuses).error("request " + i + ": " + a.failure());
                }
                statuses.add(a.response().status());
                if (limit.expectStatus().accepts(a.response().status())) {
                    return c.actual("request " + i + " answered " + a.response().status()).pass();
                }
            }
            return c.actual("statuses " + statuses).fail(limit.requests() + " requests in a row and none answered " + limit.expectStatus()
                    + ": no rate limit on " + limit.path());
        });
    }
}
