package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code magicLinkAuthCheck}: does passwordless login work end to end? Requests a magic link for an address unique to
 * the run, reads the email from a real mailbox, verifies the token into a session, calls authenticated endpoints with
 * it, refreshes it, and checks that invalid, reused and missing credentials are refused (and, opted in, rate limiting
 * and expiry). Every token, link and session is masked from the moment it is known.
 */
public final class MagicLink implements StepDefinition<MagicLinkSpec> {
    public static final String NAME = "magicLinkAuthCheck";

    /** The {@code mailbox} map's parameters. */
    public static final List<ParamDoc> MAILBOX_PARAMS = List.of(
            new ParamDoc("type", "'mailpit' | 'mailhog' | 'maildev' | 'imap' | 'command'", "(required)", "Where the email is read."),
            new ParamDoc("url", "URL", "(mailpit, mailhog, maildev)", "The mail server's web address, e.g. 'http://mail.internal:8025'."),
            new ParamDoc("credentialsId", "string", "(none; required for imap)", "User name with password: the web API's basic auth, or the IMAP login."),
            new ParamDoc("host", "string", "(imap, command)", "imap: the IMAP server; command: a configured host to run the command on."),
            new ParamDoc("port", "number", "993 (ssl) or 143", "IMAP port."),
            new ParamDoc("security", "'ssl' | 'starttls' | 'none'", "'ssl'", "IMAP TLS; 'none' only for a server on the same machine."),
            new ParamDoc("folder", "string", "'INBOX'", "IMAP folder."),
            new ParamDoc("caCredentialsId", "string", "(the step's CAs)", "IMAP: PEM CA bundle the server's certificate must lead to."),
            new ParamDoc("command", "string", "(command)", "A command whose output has the link, e.g. 'docker logs backend --since 2m'."),
            new ParamDoc("timeout", "duration", "'30s'", "command: timeout of each run."));

    /** An authenticated check's parameters. */
    public static final List<ParamDoc> CHECK_PARAMS = List.of(
            new ParamDoc("name", "string", "method and path", "What the report calls it (as 'authenticated: <name>'); unique."),
            new ParamDoc("path", "string", "(required)", "Path below baseUrl, e.g. '/api/user/profile'."),
            new ParamDoc("method", "string", "'GET'", "GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS."),
            new ParamDoc("body", "string", "(none)", "Request body; ${email} is filled in."),
            new ParamDoc("headers", "map", "[:]", "Request headers."),
            new ParamDoc("auth", "'bearer' | 'cookie' | 'header:<Name>' | 'bodyField:<name>'", "'bearer' ('cookie' with sessionCookie)",
                    "How the session travels."),
            new ParamDoc("expectStatus", "code, list or range", "'200-299'", "e.g. 200, [200, 201], '2xx'."),
            new ParamDoc("expectJson", "map", "[:]", "JSONPath -> expected value (${email} filled in) or 'exists'."),
            new ParamDoc("expectBodyContains", "string", "(not checked)", "Text the body must contain."));

    public static final List<ParamDoc> RATE_LIMIT_PARAMS = List.of(
            new ParamDoc("requests", "number", "10", "Requests sent in a row."),
            new ParamDoc("expectStatus", "code, list or range", "429", "At least one must answer this."),
            new ParamDoc("path", "string", "sendPath", "Where they go (POST with sendBody)."));

    public static final List<ParamDoc> EXPIRED_TOKEN_PARAMS = List.of(
            new ParamDoc("credentialsId", "string", "(credentialsId or ttl)", "Secret text holding a token that has expired."),
            new ParamDoc("ttl", "duration", "(credentialsId or ttl)", "How long a token lives: a fresh one is tried after that."));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Verify magic-link login end to end: request a link, read the email from a real mailbox, verify the token, use the session, "
                + "and check that invalid, reused and missing tokens are refused.";
    }

    @Override
    public ParamSet declarations() {
        return ParamSet.documented(params());
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(List.of(
                new ParamDoc("baseUrl", "URL", "(required)", "The app, e.g. 'https://app.example.com'; paths are added to it."),
                new ParamDoc("mailbox", "map", "(required)", "Where the email is read; see mailbox.* below."),
                new ParamDoc("email", "string", "'magiclink+${unique}@' + emailDomain", "The test address; ${unique} differs every run."),
                new ParamDoc("emailDomain", "string", "'example.com'", "Domain of the default address."),
                new ParamDoc("headers", "map", "[:]", "Headers sent with every request to the app."),
                new ParamDoc("sendPath", "string", "'/api/auth/send-magic-link'", "Where the link is requested (POST)."),
                new ParamDoc("sendBody", "string", "'{\"email\":\"${email}\"}'", "The request's body."),
                new ParamDoc("expectSendStatus", "code, list or range", "200", "What requesting the link answers."),
                new ParamDoc("mailTimeout", "duration", "'60s'", "How long to wait for the email."),
                new ParamDoc("pollInterval", "duration", "'250ms'", "How often to look into the mailbox."),
                new ParamDoc("clockSkew", "duration", "'2s'", "Mail dated this much before the request still counts (mail servers' clocks differ)."),
                new ParamDoc("linkPattern", "regex", "(a link with tokenParam)", "The link in the email; groups 'link' and 'token' are used when present."),
                new ParamDoc("tokenParam", "string", "'token'", "The link's query parameter that holds the token."),
                new ParamDoc("followLink", "boolean", "false", "Verify by opening the link itself (redirects followed, cookies kept)."),
                new ParamDoc("linkOrigins", "list of strings", "[] (baseUrl's origin only)",
                        "Other origins a followed link may lead to, e.g. 'https://app.example.com' when baseUrl is the API."),
                new ParamDoc("verifyPath", "string", "'/api/auth/verify?token=${token}'", "Where the token is verified (GET)."),
                new ParamDoc("expectVerifyStatus", "code, list or range", "200", "What verifying answers."),
                new ParamDoc("sessionJsonPath", "JSONPath", "'$.sessionToken'", "Where the verify response has the session."),
                new ParamDoc("sessionCookie", "string", "(none)", "The cookie that holds the session, instead of sessionJsonPath."),
                new ParamDoc("authenticatedChecks", "list of maps", "[[path: '/api/user/profile', expectJson: ['$.email': '${email}']]]",
                        "Requests made with the session; see authenticatedChecks[].* below."),
                new ParamDoc("userRecordCommand", "string", "(not checked)", "A command that must print the address (the user exists); gets it as $1."),
                new ParamDoc("userRecordHost", "string", "(with userRecordCommand)", "The configured host to run it on."),
                new ParamDoc("refreshPath", "string", "(not checked)", "Exchanges the session for a new one, which must work too."),
                new ParamDoc("refreshMethod", "string", "'POST'", "Method of the refresh request."),
                new ParamDoc("rejectInvalidToken", "boolean", "true", "A random token must be refused."),
                new ParamDoc("rejectReusedToken", "boolean", "true", "The used token must be refused the second time."),
                new ParamDoc("rejectNoSession", "boolean", "true", "The first authenticated check without a session must be refused."),
                new ParamDoc("expectInvalidStatus", "code, list or range", "'400-499'", "How an invalid, reused or expired token is refused."),
                new ParamDoc("expectNoSessionStatus", "code, list or range", "'401, 403'", "How a request without a session is refused."),
                new ParamDoc("rateLimit", "map", "(not checked)", "Opt-in: requesting links too often is refused; see rateLimit.* below."),
                new ParamDoc("expiredToken", "map", "(not checked)", "Opt-in: an expired token is refused; see expiredToken.* below."),
                new ParamDoc("caCredentialsId", "string", "(the JVM's CAs)", "PEM CA bundle the app's (and mail server's) certificates must lead to."),
                new ParamDoc("timeout", "duration", "'10s'", "Timeout of each request (and of each mailbox read).")));
        docs.addAll(CommonParams.declarations(NAME).docs());
        MAILBOX_PARAMS.forEach(d -> docs.add(nested("mailbox.", d)));
        CHECK_PARAMS.forEach(d -> docs.add(nested("authenticatedChecks[].", d)));
        RATE_LIMIT_PARAMS.forEach(d -> docs.add(nested("rateLimit.", d)));
        EXPIRED_TOKEN_PARAMS.forEach(d -> docs.add(nested("expiredToken.", d)));
        return docs;
    }

    private static ParamDoc nested(String prefix, ParamDoc d) {
        return new ParamDoc(prefix + d.name(), d.type(), d.defaultValue(), d.description());
    }

    @Override
    public MagicLinkSpec bind(Params params) {
        return MagicLinkBinding.bind(params);
    }

    @Override
    public Report run(MagicLinkSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = ctx.newReport(NAME, spec.common().reportName(), spec.app().baseUrl().toString());
        Map<String, Target> hosts = new LinkedHashMap<>();
        for (String host : spec.hosts()) {
            Target t = Connect.connect(ctx, report, "host", host);
            if (t != null) {
                hosts.put(host, t);
            }
        }
        Http http;
        try {
            http = new Http(spec.app().trust());
        } catch (GeneralSecurityException e) {
            new CheckRunner(ctx, report).record(Check.named("request magic link").error("cannot set up TLS: " + e.getMessage()));
            return report.finish(spec.common().onFailure());
        }
        String email = Placeholders.fill(spec.emailTemplate(), Map.of("unique", MagicLinkFlow.unique()));
        report.fact("email", email);
        new MagicLinkFlow(spec, ctx, report, http, hosts, email).run();
        return report.finish(spec.common().onFailure());
    }
}
