package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code magicLinkAuthCheck}: does passwordless login work end to end? Requests a magic link for an address unique to
 * the run, reads the email from a real mailbox, verifies the token into a session, calls authenticated endpoints with
 * it, refreshes it, and checks that invalid, reused and missing credentials are refused (and, opted in, rate limiting
 * and expiry). Every token, link and session is masked from the moment it is known.
 */
public final class MagicLinkAuthCheck extends DeclaredStep<MagicLinkSpec> {
    public static final String NAME = "magicLinkAuthCheck";

    /** The {@code mailbox} map's parameters. */
    public static final ParamSet MAILBOX_PARAMS = MagicLinkAuthCheckParams.MailboxMap.ALL;

    /** An authenticated check's parameters, as {@code authenticatedChecks[].<name>} in the help and the Jenkins request form. */
    public static final ParamSet CHECK_PARAMS = MagicLinkAuthCheckParams.CheckMap.ALL;

    /** The opt-in {@code rateLimit} map's parameters. */
    public static final ParamSet RATE_LIMIT_PARAMS = MagicLinkAuthCheckParams.RateLimitMap.ALL;

    /** The opt-in {@code expiredToken} map's parameters. */
    public static final ParamSet EXPIRED_TOKEN_PARAMS = MagicLinkAuthCheckParams.ExpiredTokenMap.ALL;

    /**
     * The parameters of a magic-link check made inside another step (composeDeploy's {@code verifyMagicLink}): the step's
     * own but {@code reportName}, {@code onFailure}, {@code archive} and {@code verbose}, which belong to the step around it.
     */
    public static final ParamSet FLOW_PARAMS = MagicLinkAuthCheckParams.FLOW;

    public MagicLinkAuthCheck() {
        super(NAME, "Verify magic-link login end to end: request a link, read the email from a real mailbox, verify the token, use the session, "
                + "and check that invalid, reused and missing tokens are refused.",
                MagicLinkAuthCheckParams.ALL);
    }

    @Override
    public MagicLinkSpec bind(Params params) {
        return MagicLinkBinding.bind(params);
    }

    /** Binds a magic-link check given in another step's parameter ({@link #FLOW_PARAMS}); errors name {@code verifyMagicLink.mailbox.type}. */
    public static MagicLinkSpec bindFlow(Params params) {
        return MagicLinkBinding.bindFlow(params);
    }

    @Override
    public Report run(MagicLinkSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, spec.app().baseUrl().toString());
        Map<String, Target> hosts = new LinkedHashMap<>();
        for (String host : spec.hosts()) {
            Target t = Connect.connect(ctx, report, "host", host);
            if (t != null) {
                hosts.put(host, t);
            }
        }
        runFlow(spec, ctx, report, new CheckRunner(ctx, report), hosts);
        return report.finish(spec.common().onFailure());
    }

    /**
     * The login, end to end, its checks recorded through {@code checks} (the step's own, or those of a part of another step)
     * and its facts ({@code email}, when the mail came) in {@code report}.
     *
     * @param hosts the spec's hosts that could be reached; the checks that need one that could not say so
     */
    public static void runFlow(MagicLinkSpec spec, RunContext ctx, ReportBuilder report, CheckRunner checks, Map<String, Target> hosts)
            throws InterruptedException {
        Http http;
        try {
            http = new Http(spec.app().trust());
        } catch (GeneralSecurityException e) {
            checks.error("request magic link", "cannot set up TLS: " + e.getMessage());
            return;
        }
        String email = Placeholders.fill(spec.emailTemplate(), Map.of("unique", FlowParts.unique()));
        report.fact("email", email);
        new MagicLinkFlow(spec, ctx, report, checks, http, hosts, email).run();
    }
}
