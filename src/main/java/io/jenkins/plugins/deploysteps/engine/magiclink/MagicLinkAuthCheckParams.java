package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.matching;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.path;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.status;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.text;

import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * magicLinkAuthCheck's parameters, declared once: the step's, the {@code mailbox} map's, an authenticated check's
 * ({@code authenticatedChecks[]}) and the opt-in {@code rateLimit} and {@code expiredToken} maps'.
 */
final class MagicLinkAuthCheckParams {
    static final class MailboxMap {
        static final Param<MailboxSpec.Type> TYPE = Param.choice("type", MailboxSpec.Type.class, null).shownDefault("required")
                .doc("where the email is read (the types are below)");
        static final Param<String> URL = Param.string("url").type("URL").shownDefault("required for `mailpit`, `mailhog`, `maildev`")
                .doc("the mail server's web address, e.g. `'http://mail.internal:8025'`");
        static final Param<Optional<Credential>> CREDENTIALS_ID = Param.credential("credentialsId").shownDefault("—; required for `imap`")
                .doc("user name with password: the web API's basic auth, or the IMAP login");
        static final Param<String> HOST = Param.string("host").shownDefault("required for `imap`, `command`")
                .doc("`imap`: the IMAP server; `command`: a configured host to run the command on");
        static final Param<Integer> PORT = Param.integer("port", null, 1, 65535).shownDefault("`993` (`ssl`) or `143`").doc("IMAP port");
        static final Param<MailboxSpec.Security> SECURITY = Param.choice("security", MailboxSpec.Security.class, MailboxSpec.Security.SSL)
                .doc("IMAP TLS; `'none'` only for a server on the same machine");
        static final Param<String> FOLDER = Param.string("folder").withDefault("INBOX").rule(matching(Pattern.compile("[^\\r\\n\\x00]+"),
                v -> "must be a folder name on one line")).doc("IMAP folder");
        static final Param<Optional<Credential>> CA_CREDENTIALS_ID = Param.credential("caCredentialsId").shownDefault("the step's CAs")
                .doc("`imap`: PEM CA bundle the server's certificate must lead to");
        static final Param<String> COMMAND = Param.string("command").shownDefault("required for `command`")
                .doc("a command whose output has the link, e.g. `'docker logs backend --since 2m'`");
        static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(30)).doc("`command`: timeout of each run");
        static final ParamSet ALL = ParamSet.of(TYPE, URL, CREDENTIALS_ID, HOST, PORT, SECURITY, FOLDER, CA_CREDENTIALS_ID, COMMAND, TIMEOUT);

        private MailboxMap() {}
    }

    static final class CheckMap {
        static final Param<String> NAME = Param.string("name").shownDefault("method and path")
                .doc("what the report calls it (as `authenticated: <name>`); unique");
        static final Param<String> PATH = Param.string("path").type("path").shownDefault("required").rule(path(MagicLinkValues.ONLY_EMAIL))
                .doc("path below `baseUrl`, e.g. `'/api/user/profile'`");
        static final Param<String> METHOD = Param.string("method").withDefault("GET").doc("GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
        static final Param<String> BODY = Param.string("body").shownDefault("—").rule(text(MagicLinkValues.ONLY_EMAIL)).doc("request body; `${email}` is filled in");
        static final Param<Map<String, String>> HEADERS = Param.stringMap("headers").doc("request headers");
        static final Param<String> AUTH = Param.string("auth").type("'bearer', 'cookie', 'header:<Name>' or 'bodyField:<name>'")
                .shownDefault("`'bearer'` (`'cookie'` with `sessionCookie`)").doc("how the session travels (below)");
        static final Param<List<String>> EXPECT_STATUS = status("expectStatus", "200-299", "`'200-299'`").doc("e.g. `200`, `[200, 201]`, `'2xx'`");
        static final Param<Map<String, String>> EXPECT_JSON = Param.stringMap("expectJson")
                .doc("JSONPath → expected value (`${email}` filled in) or `'exists'`");
        static final Param<String> EXPECT_BODY_CONTAINS = Param.string("expectBodyContains").shownDefault("—").rule(text(MagicLinkValues.ONLY_EMAIL))
                .doc("text the body must contain (`${email}` filled in)");
        static final ParamSet ALL = ParamSet.of(NAME, PATH, METHOD, BODY, HEADERS, AUTH, EXPECT_STATUS, EXPECT_JSON, EXPECT_BODY_CONTAINS);

        private CheckMap() {}
    }

    static final class RateLimitMap {
        static final Param<Integer> REQUESTS = Param.integer("requests", 10, 1, 1000).doc("link requests sent in a row");
        static final Param<List<String>> EXPECT_STATUS = status("expectStatus", "429", "`429`").doc("at least one of them must answer this");
        static final Param<String> PATH = Param.string("path").type("path").shownDefault("`sendPath`").rule(path(MagicLinkValues.ONLY_EMAIL))
                .doc("where they go (POST with `sendBody`)");
        static final ParamSet ALL = ParamSet.of(REQUESTS, EXPECT_STATUS, PATH);

        private RateLimitMap() {}
    }

    static final class ExpiredTokenMap {
        static final Param<Optional<Credential>> CREDENTIALS_ID = Param.credential("credentialsId").shownDefault("give `credentialsId` or `ttl`")
                .doc("secret text holding a token known to have expired");
        static final Param<Duration> TTL = Param.optionalDuration("ttl").shownDefault("give `credentialsId` or `ttl`")
                .doc("how long a token lives: a fresh one is tried after waiting this long (at most 1h)");
        static final ParamSet ALL = ParamSet.of(CREDENTIALS_ID, TTL);

        private ExpiredTokenMap() {}
    }

    static final Param<String> BASE_URL = Param.requiredString("baseUrl").type("URL")
            .doc("the app, e.g. `'https://app.example.com'`; every path is added to it (no query of its own)");
    static final Param<Optional<Params>> MAILBOX = Param.settings("mailbox", MailboxMap.ALL).shownDefault("required").doc("where the email is read (below)");
    static final Param<String> EMAIL_ADDRESS = Param.string("email").shownDefault("`'magiclink+${unique}@' + emailDomain`")
            .doc("the test address; `${unique}` differs every run (base-36 time and 6 random hex digits)");
    static final Param<String> EMAIL_DOMAIN = Param.string("emailDomain").withDefault("example.com")
            .rule(matching(MagicLinkValues.DOMAIN, v -> "'" + v + "' is not a domain name"))
            .doc("domain of the default address (give `email` or `emailDomain`, not both)");
    static final Param<Map<String, String>> HEADERS = Param.stringMap("headers").doc("headers sent with every request to the app (an API key)");
    static final Param<String> SEND_PATH = Param.string("sendPath").type("path").withDefault("/api/auth/send-magic-link").rule(path(MagicLinkValues.ONLY_EMAIL))
            .doc("where the link is requested (POST)");
    static final Param<String> SEND_BODY = Param.string("sendBody").withDefault("{\"email\":\"${email}\"}").rule(text(MagicLinkValues.ONLY_EMAIL)).doc("that request's body");
    static final Param<List<String>> EXPECT_SEND_STATUS = status("expectSendStatus", "200", "`200`").doc("what requesting the link answers");
    static final Param<Duration> MAIL_TIMEOUT = Param.duration("mailTimeout", Duration.ofSeconds(60)).doc("how long to wait for the email");
    static final Param<Duration> POLL_INTERVAL = Param.duration("pollInterval", Duration.ofMillis(250))
            .doc("how often the mailbox is read while waiting");
    static final Param<Duration> CLOCK_SKEW = Param.optionalDuration("clockSkew").withDefault(Duration.ofSeconds(2))
            .doc("mail dated this much before the request still counts (mail servers' clocks differ)");
    static final Param<String> LINK_PATTERN = Param.string("linkPattern").type("regex").shownDefault("first link with `tokenParam`")
            .doc("the link; named groups `link` (else group 1, else the match) and `token` are used when present");
    static final Param<String> TOKEN_PARAM = Param.string("tokenParam").withDefault("token")
            .rule(matching(Pattern.compile("[A-Za-z0-9_.~-]+"), v -> "'" + v + "' is not a query parameter name"))
            .doc("the link's query parameter holding the token");
    static final Param<Boolean> FOLLOW_LINK = Param.flag("followLink")
            .doc("verify by opening the link from the email (redirects followed, cookies kept hop to hop)");
    static final Param<List<String>> LINK_ORIGINS = Param.strings("linkOrigins", List.of()).shownDefault("`[]` (`baseUrl`'s origin only)")
            .doc("with `followLink`: other origins the link may lead to, e.g. `'https://app.example.com'` when `baseUrl` is the API; "
                    + "a link to any other origin is not opened");
    static final Param<String> VERIFY_PATH = Param.string("verifyPath").type("path").withDefault("/api/auth/verify?token=${token}")
            .rule(path(Set.of("token", "email"))).doc("where the token is verified (GET); `${token}` is percent-encoded");
    static final Param<List<String>> EXPECT_VERIFY_STATUS = status("expectVerifyStatus", "200", "`200`")
            .doc("what verifying answers (the final response when the link is followed)");
    static final Param<String> SESSION_JSON_PATH = Param.string("sessionJsonPath").type("JSONPath").withDefault("$.sessionToken")
            .rule(MagicLinkValues::jsonPath).doc("where the verify response has the session");
    static final Param<String> SESSION_COOKIE = Param.string("sessionCookie").shownDefault("—")
            .rule(matching(Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+"), v -> "'" + v + "' is not a cookie name"))
            .doc("the cookie holding the session instead; its attributes are checked");
    static final Param<List<Params>> AUTHENTICATED_CHECKS = Param.settingsList("authenticatedChecks", CheckMap.ALL).type("list of maps")
            .shownDefault("`[[path: '/api/user/profile', expectJson: ['$.email': '${email}']]]`").doc("requests made with the session (below)");
    static final Param<String> USER_RECORD_COMMAND = Param.string("userRecordCommand").shownDefault("—")
            .doc("a command (run by `sh` on `userRecordHost`) that must print the address, which it gets as `$1`");
    static final Param<String> USER_RECORD_HOST = Param.string("userRecordHost").shownDefault("—").doc("the configured host it runs on");
    static final Param<String> REFRESH_PATH = Param.string("refreshPath").type("path").shownDefault("—").rule(path(MagicLinkValues.ONLY_EMAIL))
            .doc("exchanges the session (as bearer or cookie) for a new one, which must work");
    static final Param<String> REFRESH_METHOD = Param.string("refreshMethod").withDefault("POST").doc("its method");
    static final Param<Boolean> REJECT_INVALID_TOKEN = Param.bool("rejectInvalidToken", true).doc("a random token must be refused");
    static final Param<Boolean> REJECT_REUSED_TOKEN = Param.bool("rejectReusedToken", true).doc("the used token must be refused the second time");
    static final Param<Boolean> REJECT_NO_SESSION = Param.bool("rejectNoSession", true)
            .doc("the first authenticated check without a session must be refused");
    static final Param<List<String>> EXPECT_INVALID_STATUS = status("expectInvalidStatus", "400-499", "`'400-499'`")
            .doc("how a bad (invalid, reused, expired) token is refused");
    static final Param<List<String>> EXPECT_NO_SESSION_STATUS = status("expectNoSessionStatus", "401, 403", "`'401, 403'`")
            .doc("how a request without a session is refused");
    static final Param<Optional<Params>> RATE_LIMIT = Param.settings("rateLimit", RateLimitMap.ALL).shownDefault("off")
            .doc("opt-in: requesting links too often is refused (below)");
    static final Param<Optional<Params>> EXPIRED_TOKEN = Param.settings("expiredToken", ExpiredTokenMap.ALL).shownDefault("off")
            .doc("opt-in: an expired token is refused (below)");
    static final Param<Optional<Credential>> CA_CREDENTIALS_ID = Param.credential("caCredentialsId").shownDefault("the JVM's CAs")
            .doc("PEM CA bundle (secret file or text) the app's and the IMAP server's certificates must lead to");
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(10)).doc("each request to the app, and each mailbox read");

    /** What a magic-link login is checked with: the step's parameters but those of a step of its own (report, verdict, log). */
    static final ParamSet FLOW = ParamSet.of(BASE_URL, MAILBOX, EMAIL_ADDRESS, EMAIL_DOMAIN, HEADERS, SEND_PATH, SEND_BODY, EXPECT_SEND_STATUS,
            MAIL_TIMEOUT, POLL_INTERVAL, CLOCK_SKEW, LINK_PATTERN, TOKEN_PARAM, FOLLOW_LINK, LINK_ORIGINS, VERIFY_PATH, EXPECT_VERIFY_STATUS,
            SESSION_JSON_PATH, SESSION_COOKIE, AUTHENTICATED_CHECKS, USER_RECORD_COMMAND, USER_RECORD_HOST, REFRESH_PATH, REFRESH_METHOD,
            REJECT_INVALID_TOKEN, REJECT_REUSED_TOKEN, REJECT_NO_SESSION, EXPECT_INVALID_STATUS, EXPECT_NO_SESSION_STATUS, RATE_LIMIT,
            EXPIRED_TOKEN, CA_CREDENTIALS_ID, TIMEOUT);

    static final ParamSet ALL = FLOW.plus(CommonParams.declarations(MagicLinkAuthCheck.NAME));

    private MagicLinkAuthCheckParams() {}
}
