package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stages that get the magic link: open the mailbox, request the link, wait for the email, and take link and token
 * from it. Link and token are registered as secrets the moment the email is read, before any check shows it.
 */
final class LinkChecks {
    private static final int EVIDENCE_EMAIL = 2000;

    /** The link was requested of the app: mail to read from {@code mailbox}, sent no earlier than {@code since}. */
    record Requested(Mailbox mailbox, Instant since, long requestedAt) {}

    /** The email arrived: its link, or (none found) what was looked for and missed. */
    record Mail(Optional<LinkExtractor.Found> link, String miss) {}

    private final FlowParts run;
    private final LinkExtractor extractor;
    private final MailPoller poller;

    LinkChecks(FlowParts run, LinkExtractor extractor) {
        this.run = run;
        this.extractor = extractor;
        this.poller = new MailPoller(run.spec().mailWait(), run.ctx().clock());
    }

    /** The mailbox to read; a command mailbox first runs once ({@code mailbox readable}), so the links it printed before count as old. */
    Outcome<Mailbox> openMailbox(Http http, Map<String, Target> hosts) throws InterruptedException {
        MagicLinkSpec spec = run.spec();
        Duration timeout = spec.app().timeout();
        if (spec.mailbox() instanceof MailboxSpec.HttpApi api) {
            return Outcome.of(switch (api.type()) {
                case MAILPIT -> new MailpitMailbox(api, http, timeout);
                case MAILHOG -> new MailHogMailbox(api, http, timeout);
                default -> new MailDevMailbox(api, http, timeout);
            });
        }
        if (spec.mailbox() instanceof MailboxSpec.Imap imap) {
            return Outcome.of(new ImapMailbox(imap, timeout));
        }
        MailboxSpec.Command command = (MailboxSpec.Command) spec.mailbox();
        Target target = hosts.get(command.host());
        if (target == null) {
            return Outcome.missing("not connected to " + command.host());
        }
        CommandMailbox box = new CommandMailbox(command, target);
        return run.checks().<Mailbox>produce("mailbox readable", c -> {
            c.expected(box.describe() + " runs");
            try {
                box.baseline();
                return Checked.of(c.actual("ran").pass(), box);
            } catch (MailboxException e) {
                return Checked.without(c.error(e.getMessage()));
            }
        }).outcome("the mailbox command failed");
    }

    /** {@code request magic link}: the app answers the send request as expected. */
    Checked<Requested> request(Check.Builder c, Mailbox mailbox) throws InterruptedException {
        Requested requested = new Requested(mailbox, mailSince(), System.nanoTime());
        Check sent = run.app().exchangeAndAssert(c, run.requests().send(run.spec().send().path()),
                List.of(new Assertion.Status(run.spec().send().expectStatus())));
        return Checked.of(sent, requested);
    }

    /** Mail dated from now (less the clock skew allowed) on counts; the second is as precise as mail servers date it. */
    Instant mailSince() {
        return run.ctx().clock().instant().truncatedTo(ChronoUnit.SECONDS).minus(run.spec().mailWait().clockSkew());
    }

    /** {@code magic link email}: the email to the test address arrives within mailTimeout. */
    Checked<Mail> readMail(Check.Builder c, Requested requested) throws InterruptedException {
        return readMail(c, requested, f -> true);
    }

    /**
     * Polls for the email and, the moment it is there, finds its link and registers link and token with the masker,
     * before the check that shows the email is recorded. {@code wanted} passes over older links (a token already used).
     */
    Checked<Mail> readMail(Check.Builder c, Requested requested, Predicate<LinkExtractor.Found> wanted) throws InterruptedException {
        String email = run.email();
        MagicLinkSpec.MailWait wait = run.spec().mailWait();
        c.expected("an email to " + email + " in " + requested.mailbox().describe() + " within " + Durations.format(wait.timeout()));
        MailPoller.Outcome o = poller.poll(requested.mailbox(), email, requested.since(), m -> {
            Optional<LinkExtractor.Found> f = extractor.find(m);
            run.secrets().mail(m);
            f.ifPresent(x -> {
                run.secrets().token(x.token());
                run.secrets().link(x.link());
            });
            // A message without a usable link still ends the wait (and fails extraction); an unwanted link (an older one) does not.
            return f.isEmpty() || wanted.test(f.get());
        });
        if (o.message() == null) {
            String polls = " (" + o.polls() + " polls every " + Durations.format(wait.pollInterval()) + ")";
            if (!o.everAnswered()) {
                return Checked.without(c.actual("mailbox not readable").error(o.lastFailure() + polls));
            }
            c.actual("no email");
            if (o.lastFailure() != null) {
                c.evidence("last mailbox failure", o.lastFailure());
            }
            return Checked.without(c.fail("no email to " + email + " arrived within " + Durations.format(wait.timeout()) + polls));
        }
        Optional<LinkExtractor.Found> link = extractor.find(o.message());
        Mail mail = new Mail(link, link.isPresent() ? null : extractor.describeMiss(o.message()));
        long afterRequest = Duration.ofNanos(System.nanoTime() - requested.requestedAt()).toMillis();
        run.report().fact("emailDetectedAt", o.detectedAt().toString());
        run.report().fact("mailboxPolls", o.polls());
        c.evidence("email", o.message().describe(EVIDENCE_EMAIL));
        return Checked.of(c.actual("'" + o.message().subject() + "' found " + afterRequest + " ms after the request, on poll " + o.polls()).pass(), mail);
    }

    /** {@code magic link and token}: the email has the link, and (with followLink) it leads to the app. */
    Checked<LinkExtractor.Found> extract(Check.Builder c, Mail mail) {
        MagicLinkSpec.Extraction extraction = run.spec().extraction();
        c.expected(extraction.linkPattern() == null ? "a link with a '" + extraction.tokenParam() + "' query parameter"
                : "a match of /" + extraction.linkPattern().pattern() + "/");
        if (mail.link().isEmpty()) {
            return Checked.without(c.actual("none").fail(mail.miss()));
        }
        LinkExtractor.Found f = mail.link().get();
        c.actual(f.link());
        Optional<String> refused = run.requests().refusal(f.link());
        if (refused.isPresent()) {
            return Checked.without(c.fail(refused.get()));
        }
        return Checked.of(c.pass("token of " + f.token().length() + " characters"), f);
    }
}
