package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.util.Map;

/**
 * One run of the magic-link flow, as its stages: the test address, the link ({@link LinkChecks}), the session
 * ({@link SessionChecks}), then the ways login must fail ({@link NegativeChecks}). A stage that later ones depend on
 * failing makes those SKIP with its reason; nothing here throws but interruption.
 */
final class MagicLinkFlow {
    private final FlowParts run;
    private final Http http;
    private final Map<String, Target> hosts;
    private final LinkChecks links;
    private final SessionChecks sessions;
    private final NegativeChecks negatives;

    MagicLinkFlow(MagicLinkSpec spec, RunContext ctx, ReportBuilder report, CheckRunner checks, Http http, Map<String, Target> hosts, String email) {
        LinkExtractor extractor = new LinkExtractor(spec.extraction());
        SessionSecrets secrets = new SessionSecrets(ctx.masker(), ctx.progress(), extractor);
        this.run = new FlowParts(spec, email, ctx, report, checks, new AppClient(http, spec.verify(), secrets),
                new AppRequests(spec, email), secrets);
        this.http = http;
        this.hosts = hosts;
        this.links = new LinkChecks(run, extractor);
        this.sessions = new SessionChecks(run);
        this.negatives = new NegativeChecks(run, links);
    }

    void run() throws InterruptedException {
        testAddress();
        Outcome<Mailbox> mailbox = links.openMailbox(http, hosts);
        try {
            Outcome<LinkExtractor.Found> link = Stages.from(mailbox)
                    .then("request magic link", "requesting the link failed", links::request)
                    .then("magic link email", "no email", links::readMail)
                    .then("magic link and token", "no token", links::extract)
                    .run(run.checks());
            Outcome<SessionChecks.Session> session = sessions.verify(link);
            sessions.authenticated(link.present() ? session : Outcome.missing("no magic link"));
            sessions.userRecord(hosts);
            sessions.refresh(session);
            negatives.run(mailbox, link, session);
        } finally {
            if (mailbox.present()) {
                mailbox.value().close();
            }
        }
    }

    private void testAddress() throws InterruptedException {
        String template = run.spec().emailTemplate();
        run.checks().run("test email address", c -> c.expected(template).actual(run.email())
                .pass(template.contains("${unique}") ? "unique to this run" : "a fixed address: only mail sent after the check began counts"));
    }
}
