package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.InvalidPathException;
import io.jenkins.plugins.deploysteps.engine.http.JsonPaths;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.HttpParams;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.App;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.ExpiredToken;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Extraction;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.MailWait;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Negatives;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.RateLimit;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Refresh;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Send;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.UserRecord;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Verify;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads magicLinkAuthCheck's parameters into a {@link MagicLinkSpec}: every value checked, every error naming its
 * parameter ({@code authenticatedChecks[1].auth}, {@code mailbox.url}), all before any request is sent.
 */
final class MagicLinkBinding {
    static final String DEFAULT_EMAIL_DOMAIN = "example.com";
    static final String DEFAULT_SEND_PATH = "/api/auth/send-magic-link";
    static final String DEFAULT_SEND_BODY = "{\"email\":\"${email}\"}";
    static final String DEFAULT_VERIFY_PATH = "/api/auth/verify?token=${token}";
    static final String DEFAULT_SESSION_JSON_PATH = "$.sessionToken";
    static final String DEFAULT_PROFILE_PATH = "/api/user/profile";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAIL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(2);
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_RATE_LIMIT_REQUESTS = 10;
    static final String DEFAULT_INVALID_STATUS = "400-499";
    static final String DEFAULT_NO_SESSION_STATUS = "401, 403";

    /** A plain address: what an app's validation and every test mail server accept. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final Pattern TOKEN_PARAM = Pattern.compile("[A-Za-z0-9_.~-]+");
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern FOLDER = Pattern.compile("[^\\r\\n\\x00]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MagicLinkBinding() {}

    static MagicLinkSpec bind(Params p) {
        Duration timeout = p.duration("timeout", DEFAULT_TIMEOUT);
        TrustSource trust = p.credential("caCredentialsId").map(c -> TrustSource.fromCredential(p.path("caCredentialsId"), c)).orElse(TrustSource.JVM);
        App app = new App(baseUrl(p, "baseUrl", p.requiredString("baseUrl")), HttpParams.requestHeaders(p, "headers"), timeout, trust);
        String email = email(p);
        Send send = new Send(path(p, "sendPath", DEFAULT_SEND_PATH, Set.of("email")), text(p, "sendBody", DEFAULT_SEND_BODY, Set.of("email")),
                status(p, "expectSendStatus", "200"));
        MailboxSpec mailbox = mailbox(p, trust);
        MailWait wait = mailWait(p);
        Extraction extraction = extraction(p);
        Verify verify = verify(p);
        List<AuthenticatedCheckSpec> checks = authenticatedChecks(p, verify);
        UserRecord userRecord = userRecord(p);
        Refresh refresh = p.optionalString("refreshPath").map(path -> new Refresh(path(p, "refreshPath", path, Set.of("email")), method(p, "refreshMethod",
                "POST"))).orElse(null);
        if (refresh == null && p.has("refreshMethod")) {
            throw new SpecException(p.path("refreshMethod"), "needs refreshPath");
        }
        Negatives negatives = new Negatives(p.bool("rejectInvalidToken", true), p.bool("rejectReusedToken", true), p.bool("rejectNoSession", true),
                status(p, "expectInvalidStatus", DEFAULT_INVALID_STATUS), status(p, "expectNoSessionStatus", DEFAULT_NO_SESSION_STATUS));
        if (negatives.noSession() && checks.isEmpty()) {
            throw new SpecException(p.path("rejectNoSession"), "calls the first of authenticatedChecks without a session, and there are none; "
                    + "add one or set rejectNoSession: false");
        }
        RateLimit rateLimit = rateLimit(p, send);
        ExpiredToken expired = expiredToken(p);
        CommonParams common = CommonParams.read(p, MagicLink.NAME);
        p.done();
        return new MagicLinkSpec(app, email, send, mailbox, wait, extraction, verify, checks, userRecord, refresh, negatives, rateLimit, expired,
                common);
    }

    private static String email(Params p) {
        String domain = p.string("emailDomain", DEFAULT_EMAIL_DOMAIN);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new SpecException(p.path("emailDomain"), "'" + domain + "' is not a domain name");
        }
        Optional<String> given = p.optionalString("email");
        if (given.isPresent() && p.has("emailDomain")) {
            throw new SpecException(p.path("emailDomain"), "give email (the whole address) or emailDomain, not both");
        }
        String template = given.orElse("magiclink+${unique}@" + domain);
        String unknown = Placeholders.unknown(template, Set.of("unique"));
        if (unknown != null) {
            throw new SpecException(p.path("email"), unknown + " is not a placeholder of email; it has only ${unique}");
        }
        String sample = Placeholders.fill(template, Map.of("unique", "x1"));
        if (!EMAIL.matcher(sample).matches()) {
            throw new SpecException(p.path("email"), "'" + template + "' is not an email address (letters, digits and ._%+- before the @)");
        }
        return template;
    }

    private static MailboxSpec mailbox(Params p, TrustSource trust) {
        Params m = p.map("mailbox").orElseThrow(() -> new SpecException(p.path("mailbox"),
                "is required: where the email is read, e.g. [type: 'mailpit', url: 'http://mail.internal:8025']"));
        MailboxSpec.Type type = m.choice("type", MailboxSpec.Type.class, null);
        if (type == null) {
            throw new SpecException(m.path("type"), "is required: one of 'mailpit', 'mailhog', 'maildev', 'imap', 'command'");
        }
        MailboxSpec spec = switch (type) {
            case MAILPIT, MAILHOG, MAILDEV -> {
                URI url = baseUrl(m, "url", m.requiredString("url"));
                HttpAuth auth = m.credential("credentialsId").map(c -> {
                    if (!(c instanceof Credential.UsernamePassword)) {
                        throw new SpecException(m.path("credentialsId"), "a " + c.kind() + " cannot log in to a mail server's web API; "
                                + "use a user name with password");
                    }
                    return HttpAuth.of(m.path("credentialsId"), c);
                }).orElse(null);
                yield new MailboxSpec.HttpApi(type, url, auth);
            }
            case IMAP -> imap(m, trust);
            case COMMAND -> new MailboxSpec.Command(m.requiredString("host"), m.requiredString("command"),
                    m.duration("timeout", DEFAULT_COMMAND_TIMEOUT));
        };
        m.done();
        return spec;
    }

    private static MailboxSpec.Imap imap(Params m, TrustSource stepTrust) {
        String host = m.requiredString("host");
        if (!DOMAIN.matcher(host).matches() && !host.matches("[0-9A-Fa-f:.]+")) {
            throw new SpecException(m.path("host"), "'" + host + "' is not a host name or address");
        }
        MailboxSpec.Security security = m.choice("security", MailboxSpec.Security.class, MailboxSpec.Security.SSL);
        int port = m.integer("port", security == MailboxSpec.Security.SSL ? 993 : 143, 1, 65535);
        Credential c = m.credential("credentialsId").orElseThrow(() -> new SpecException(m.path("credentialsId"),
                "is required: a user name with password that logs in to the mailbox"));
        if (!(c instanceof Credential.UsernamePassword up)) {
            throw new SpecException(m.path("credentialsId"), "a " + c.kind() + " cannot log in to IMAP; use a user name with password");
        }
        String folder = m.string("folder", "INBOX");
        if (!FOLDER.matcher(folder).matches()) {
            throw new SpecException(m.path("folder"), "must be a folder name on one line");
        }
        TrustSource trust = m.credential("caCredentialsId").map(ca -> TrustSource.fromCredential(m.path("caCredentialsId"), ca)).orElse(stepTrust);
        return new MailboxSpec.Imap(host, port, security, up.username(), up.password(), folder, trust);
    }

    private static MailWait mailWait(Params p) {
        Duration timeout = p.duration("mailTimeout", DEFAULT_MAIL_TIMEOUT);
        Duration interval = p.duration("pollInterval", DEFAULT_POLL_INTERVAL);
        if (interval.compareTo(timeout) >= 0) {
            throw new SpecException(p.path("pollInterval"), "must be shorter than mailTimeout (" + Durations.format(timeout) + ")");
        }
        Duration skew = p.optionalDuration("clockSkew").orElse(DEFAULT_CLOCK_SKEW);
        return new MailWait(timeout, interval, skew);
    }

    private static Extraction extraction(Params p) {
        String param = p.string("tokenParam", "token");
        if (!TOKEN_PARAM.matcher(param).matches()) {
            throw new SpecException(p.path("tokenParam"), "'" + param + "' is not a query parameter name");
        }
        Pattern pattern = p.optionalString("linkPattern").map(s -> {
            try {
                return Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                throw new SpecException(p.path("linkPattern"), "'" + s + "' is not a regular expression: " + e.getDescription() + " near index "
                        + e.getIndex());
            }
        }).orElse(null);
        return new Extraction(pattern, param);
    }

    private static Verify verify(Params p) {
        boolean follow = p.bool("followLink", false);
        if (follow && p.has("verifyPath")) {
            throw new SpecException(p.path("verifyPath"), "give verifyPath (call the API with the token) or followLink: true (open the link), not both");
        }
        String path = path(p, "verifyPath", DEFAULT_VERIFY_PATH, Set.of("token", "email"));
        if (!follow && !path.contains("${token}")) {
            throw new SpecException(p.path("verifyPath"), "must contain ${token} where the token goes, e.g. '/api/auth/verify?token=${token}'");
        }
        String cookie = p.optionalString("sessionCookie").orElse(null);
        if (cookie != null && !COOKIE_NAME.matcher(cookie).matches()) {
            throw new SpecException(p.path("sessionCookie"), "'" + cookie + "' is not a cookie name");
        }
        if (cookie != null && p.has("sessionJsonPath")) {
            throw new SpecException(p.path("sessionJsonPath"), "give sessionJsonPath (the session is in the JSON body) or sessionCookie, not both");
        }
        String jsonPath = jsonPath(p, "sessionJsonPath", p.string("sessionJsonPath", DEFAULT_SESSION_JSON_PATH));
        return new Verify(follow, path, status(p, "expectVerifyStatus", "200"), jsonPath, cookie, linkOrigins(p, follow));
    }

    /** Origins only: a path would suggest that the rest of that host is refused, and it is not. */
    private static List<URI> linkOrigins(Params p, boolean follow) {
        List<String> given = p.stringList("linkOrigins");
        if (!given.isEmpty() && !follow) {
            throw new SpecException(p.path("linkOrigins"), "only used with followLink: true (they are where a followed link may lead)");
        }
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            URI u = baseUrl(p, "linkOrigins[" + i + "]", given.get(i));
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/") || u.getRawUserInfo() != null) {
                throw new SpecException(p.path("linkOrigins[" + i + "]"), "'" + given.get(i) + "' must be an origin: scheme, host and port, e.g. 'https://app.example.com'");
            }
            out.add(u);
        }
        return out;
    }

    private static List<AuthenticatedCheckSpec> authenticatedChecks(Params p, Verify verify) {
        SessionTransport defaultAuth = verify.cookieSession() ? new SessionTransport.Cookie() : new SessionTransport.Bearer();
        List<Params> given = p.maps("authenticatedChecks");
        List<AuthenticatedCheckSpec> out = new ArrayList<>();
        if (!p.has("authenticatedChecks")) {
            out.add(new AuthenticatedCheckSpec("profile", DEFAULT_PROFILE_PATH, "GET", null, Map.of(), defaultAuth, StatusExpectation.SUCCESS,
                    Map.of("$.email", "${email}"), null));
            return out;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Params c = given.get(i);
            String path = path(c, "path", null, Set.of("email"));
            String method = method(c, "method", "GET");
            String body = text(c, "body", null, Set.of("email"));
            Map<String, String> headers = HttpParams.requestHeaders(c, "headers");
            SessionTransport auth = c.optionalString("auth").map(a -> SessionTransport.parse(a).orElseThrow(() -> new SpecException(c.path("auth"),
                    "'" + a + "' is not 'bearer', 'cookie', 'header:<Name>' or 'bodyField:<name>'"))).orElse(defaultAuth);
            if (auth instanceof SessionTransport.Cookie && !verify.cookieSession()) {
                throw new SpecException(c.path("auth"), "'cookie' needs sessionCookie: the name of the cookie that holds the session");
            }
            if (auth instanceof SessionTransport.BodyField) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    throw new SpecException(c.path("auth"), "a " + method + " request has no body to carry the session in; use method: 'POST'");
                }
                if (body != null && !jsonObject(Placeholders.fillText(body, "a@b.c"))) {
                    throw new SpecException(c.path("body"), "must be a JSON object to add the session field to");
                }
            }
            StatusExpectation status = status(c, "expectStatus", "200-299");
            Map<String, String> expectJson = c.stringMap("expectJson");
            for (Map.Entry<String, String> e : expectJson.entrySet()) {
                String field = c.path("expectJson") + "[" + e.getKey() + "]";
                if (e.getValue() == null) {
                    throw new SpecException(field, "needs a value (or 'exists')");
                }
                jsonPath(c, "expectJson[" + e.getKey() + "]", e.getKey());
                String unknown = Placeholders.unknown(e.getValue(), Set.of("email"));
                if (unknown != null) {
                    throw new SpecException(field, unknown + " is not known here; only ${email} is");
                }
            }
            String contains = text(c, "expectBodyContains", null, Set.of("email"));
            String name = c.string("name", method + " " + path);
            Integer before = names.putIfAbsent(name, i);
            if (before != null) {
                throw new SpecException(c.path("name"), "'" + name + "' is already the name of authenticatedChecks[" + before + "]; names must be unique");
            }
            c.done();
            out.add(new AuthenticatedCheckSpec(name, path, method, body, headers, auth, status, expectJson, contains));
        }
        return out;
    }

    private static UserRecord userRecord(Params p) {
        Optional<String> command = p.optionalString("userRecordCommand");
        Optional<String> host = p.optionalString("userRecordHost");
        if (command.isPresent() != host.isPresent()) {
            throw new SpecException(p.path(command.isPresent() ? "userRecordHost" : "userRecordCommand"), command.isPresent()
                    ? "is required with userRecordCommand: the configured host to run it on" : "is required with userRecordHost: the command to run there");
        }
        return command.map(c -> new UserRecord(host.get(), c, DEFAULT_COMMAND_TIMEOUT)).orElse(null);
    }

    private static RateLimit rateLimit(Params p, Send send) {
        Optional<Params> r = p.map("rateLimit");
        if (r.isEmpty()) {
            return null;
        }
        Params m = r.get();
        RateLimit limit = new RateLimit(m.integer("requests", DEFAULT_RATE_LIMIT_REQUESTS, 1, 1000), status(m, "expectStatus", "429"),
                path(m, "path", send.path(), Set.of("email")));
        m.done();
        return limit;
    }

    private static ExpiredToken expiredToken(Params p) {
        Optional<Params> e = p.map("expiredToken");
        if (e.isEmpty()) {
            return null;
        }
        Params m = e.get();
        Optional<Credential> c = m.credential("credentialsId");
        Optional<Duration> ttl = m.optionalDuration("ttl");
        if (c.isPresent() == ttl.isPresent()) {
            throw new SpecException(m.path(c.isPresent() ? "ttl" : "credentialsId"), c.isPresent() ? "give credentialsId or ttl, not both"
                    : "is required: a secret text holding an expired token, or ttl (how long a token lives; a fresh one is used after that)");
        }
        String token = c.map(cr -> {
            if (!(cr instanceof Credential.SecretText t)) {
                throw new SpecException(m.path("credentialsId"), "a " + cr.kind() + " is not a token; use secret text");
            }
            return t.secret();
        }).orElse(null);
        if (ttl.isPresent() && ttl.get().compareTo(Duration.ofHours(1)) > 0) {
            throw new SpecException(m.path("ttl"), "is longer than an hour; a step should not wait that long (use credentialsId with a known expired token)");
        }
        m.done();
        return new ExpiredToken(token, ttl.orElse(null));
    }

    // ---- value readers ----

    /** An http(s) URL that paths are added to: no query or fragment of its own. */
    private static URI baseUrl(Params c, String field, String value) {
        URI uri = HttpParams.url(c, field, value);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new SpecException(c.path(field), "must not have a query or fragment: paths are added to it");
        }
        return uri;
    }

    /** A path below the base URL, with its query; placeholders limited to {@code allowed}. */
    private static String path(Params c, String field, String fallback, Set<String> allowed) {
        String v = fallback == null ? c.requiredString(field) : c.string(field, fallback);
        if (!v.startsWith("/") || v.startsWith("//")) {
            throw new SpecException(c.path(field), "'" + v + "' must be a path starting with '/' (it is added to baseUrl)");
        }
        String unknown = Placeholders.unknown(v, allowed);
        if (unknown != null) {
            throw new SpecException(c.path(field), unknown + " is not known here; use " + String.join(" or ", allowed.stream().sorted().map(a -> "${" + a + "}")
                    .toList()));
        }
        try {
            new URI("http://h" + Placeholders.fillPath(v, "a@b.c", "t"));
        } catch (URISyntaxException e) {
            throw new SpecException(c.path(field), "'" + v + "' is not a URL path: " + e.getReason());
        }
        return v;
    }

    private static String text(Params c, String field, String fallback, Set<String> allowed) {
        String v = c.optionalString(field).orElse(fallback);
        String unknown = Placeholders.unknown(v, allowed);
        if (unknown != null) {
            throw new SpecException(c.path(field), unknown + " is not known here; only ${email} is");
        }
        return v;
    }

    private static String method(Params c, String field, String fallback) {
        String method = c.string(field, fallback).toUpperCase(Locale.ROOT);
        if (!HttpRequestSpec.METHODS.contains(method)) {
            throw new SpecException(c.path(field), "'" + method + "' is not one of " + String.join(", ", new java.util.TreeSet<>(HttpRequestSpec.METHODS)));
        }
        return method;
    }

    private static StatusExpectation status(Params c, String field, String fallback) {
        List<String> given = c.stringList(field);
        List<String> items = given.isEmpty() ? List.of(fallback) : given;
        return StatusExpectation.parse(items).orElseThrow(() -> new SpecException(c.path(field), "'" + String.join(", ", items)
                + "' is not a status: use a code (200), a range ('400-499', '4xx') or a list ([401, 403])"));
    }

    private static String jsonPath(Params c, String field, String path) {
        try {
            JsonPaths.compile(path);
            return path;
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new SpecException(c.path(field), "'" + path + "' is not a JSONPath: " + e.getMessage());
        }
    }

    static boolean jsonObject(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
