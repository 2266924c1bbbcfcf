package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheckParams.*;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.baseUrl;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.expectation;
import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.method;

import io.jenkins.plugins.deploysteps.engine.http.HttpParams;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheckParams.ExpiredTokenMap;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheckParams.RateLimitMap;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads magicLinkAuthCheck's parameters into a {@link MagicLinkSpec} through their declarations: every value checked,
 * every error naming its parameter ({@code authenticatedChecks[1].auth}, {@code mailbox.url}), all before any request
 * is sent. The mailbox and the authenticated checks are read by {@link MailboxBinding} and {@link AuthenticatedCheckBinding}.
 */
final class MagicLinkBinding {
    /** A user record command's timeout. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private MagicLinkBinding() {}

    static MagicLinkSpec bind(Params p) {
        return bind(p, () -> CommonParams.read(p, MagicLinkAuthCheck.NAME));
    }

    /** A magic-link check made inside another step, which has the report and the verdict: {@link MagicLinkAuthCheckParams#FLOW} only. */
    static MagicLinkSpec bindFlow(Params p) {
        return bind(p, () -> CommonParams.read(Params.of(Map.of()), MagicLinkAuthCheck.NAME));
    }

    private static MagicLinkSpec bind(Params p, Supplier<CommonParams> commonParams) {
        Duration timeout = p.get(TIMEOUT);
        TrustSource trust = p.get(CA_CREDENTIALS_ID).map(c -> TrustSource.fromCredential(p.path(CA_CREDENTIALS_ID.name()), c)).orElse(TrustSource.JVM);
        App app = new App(baseUrl(p, BASE_URL.name(), p.get(BASE_URL)), HttpParams.requestHeaders(p, HEADERS.name()), timeout, trust);
        String email = email(p);
        Send send = new Send(p.get(SEND_PATH), p.get(SEND_BODY), expectation(p, EXPECT_SEND_STATUS));
        MailboxSpec mailbox = MailboxBinding.bind(p, trust);
        MailWait wait = mailWait(p);
        Extraction extraction = extraction(p);
        Verify verify = verify(p);
        List<AuthenticatedCheckSpec> checks = AuthenticatedCheckBinding.bind(p, verify);
        UserRecord userRecord = userRecord(p);
        Refresh refresh = Optional.ofNullable(p.get(REFRESH_PATH)).map(path -> new Refresh(path, method(p, REFRESH_METHOD))).orElse(null);
        if (refresh == null && p.has(REFRESH_METHOD.name())) {
            throw new SpecException(p.path(REFRESH_METHOD.name()), "needs refreshPath");
        }
        Negatives negatives = new Negatives(p.get(REJECT_INVALID_TOKEN), p.get(REJECT_REUSED_TOKEN), p.get(REJECT_NO_SESSION),
                expectation(p, EXPECT_INVALID_STATUS), expectation(p, EXPECT_NO_SESSION_STATUS));
        if (negatives.noSession() && checks.isEmpty()) {
            throw new SpecException(p.path(REJECT_NO_SESSION.name()), "calls the first of authenticatedChecks without a session, and there are none; "
                    + "add one or set rejectNoSession: false");
        }
        RateLimit rateLimit = rateLimit(p, send);
        ExpiredToken expired = expiredToken(p);
        CommonParams common = commonParams.get();
        p.done();
        return new MagicLinkSpec(app, email, send, mailbox, wait, extraction, verify, checks, userRecord, refresh, negatives, rateLimit, expired,
                common);
    }

    private static String email(Params p) {
        String domain = p.get(EMAIL_DOMAIN);
        Optional<String> given = Optional.ofNullable(p.get(EMAIL_ADDRESS));
        if (given.isPresent() && p.has(EMAIL_DOMAIN.name())) {
            throw new SpecException(p.path(EMAIL_DOMAIN.name()), "give email (the whole address) or emailDomain, not both");
        }
        String template = given.orElse("magiclink+${unique}@" + domain);
        String unknown = Placeholders.unknown(template, Set.of("unique"));
        if (unknown != null) {
            throw new SpecException(p.path(EMAIL_ADDRESS.name()), unknown + " is not a placeholder of email; it has only ${unique}");
        }
        String sample = Placeholders.fill(template, Map.of("unique", "x1"));
        if (!MagicLinkValues.EMAIL.matcher(sample).matches()) {
            throw new SpecException(p.path(EMAIL_ADDRESS.name()), "'" + template + "' is not an email address (letters, digits and ._%+- before the @)");
        }
        return template;
    }

    private static MailWait mailWait(Params p) {
        Duration timeout = p.get(MAIL_TIMEOUT);
        Duration interval = p.get(POLL_INTERVAL);
        if (interval.compareTo(timeout) >= 0) {
            throw new SpecException(p.path(POLL_INTERVAL.name()), "must be shorter than mailTimeout (" + Durations.format(timeout) + ")");
        }
        return new MailWait(timeout, interval, p.get(CLOCK_SKEW));
    }

    private static Extraction extraction(Params p) {
        String param = p.get(TOKEN_PARAM);
        Pattern pattern = Optional.ofNullable(p.get(LINK_PATTERN)).map(s -> {
            try {
                return Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                throw new SpecException(p.path(LINK_PATTERN.name()), "'" + s + "' is not a regular expression: " + e.getDescription() + " near index "
                        + e.getIndex());
            }
        }).orElse(null);
        return new Extraction(pattern, param);
    }

    private static Verify verify(Params p) {
        boolean follow = p.get(FOLLOW_LINK);
        if (follow && p.has(VERIFY_PATH.name())) {
            throw new SpecException(p.path(VERIFY_PATH.name()), "give verifyPath (call the API with the token) or followLink: true (open the link), not both");
        }
        String path = p.get(VERIFY_PATH);
        if (!follow && !path.contains("${token}")) {
            throw new SpecException(p.path(VERIFY_PATH.name()), "must contain ${token} where the token goes, e.g. '/api/auth/verify?token=${token}'");
        }
        String cookie = p.get(SESSION_COOKIE);
        if (cookie != null && p.has(SESSION_JSON_PATH.name())) {
            throw new SpecException(p.path(SESSION_JSON_PATH.name()), "give sessionJsonPath (the session is in the JSON body) or sessionCookie, not both");
        }
        String jsonPath = p.get(SESSION_JSON_PATH);
        return new Verify(follow, path, expectation(p, EXPECT_VERIFY_STATUS), jsonPath, cookie, linkOrigins(p, follow));
    }

    /** Origins only: a path would suggest that the rest of that host is refused, and it is not. */
    private static List<URI> linkOrigins(Params p, boolean follow) {
        List<String> given = p.get(LINK_ORIGINS);
        if (!given.isEmpty() && !follow) {
            throw new SpecException(p.path(LINK_ORIGINS.name()), "only used with followLink: true (they are where a followed link may lead)");
        }
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = LINK_ORIGINS.name() + "[" + i + "]";
            URI u = baseUrl(p, field, given.get(i));
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/") || u.getRawUserInfo() != null) {
                throw new SpecException(p.path(field), "'" + given.get(i) + "' must be an origin: scheme, host and port, e.g. 'https://app.example.com'");
            }
            out.add(u);
        }
        return out;
    }

    private static UserRecord userRecord(Params p) {
        Optional<String> command = Optional.ofNullable(p.get(USER_RECORD_COMMAND));
        Optional<String> host = Optional.ofNullable(p.get(USER_RECORD_HOST));
        if (command.isPresent() != host.isPresent()) {
            throw new SpecException(p.path(command.isPresent() ? USER_RECORD_HOST.name() : USER_RECORD_COMMAND.name()), command.isPresent()
                    ? "is required with userRecordCommand: the configured host to run it on" : "is required with userRecordHost: the command to run there");
        }
        return command.map(c -> new UserRecord(host.get(), c, COMMAND_TIMEOUT)).orElse(null);
    }

    private static RateLimit rateLimit(Params p, Send send) {
        Optional<Params> r = p.get(RATE_LIMIT);
        if (r.isEmpty()) {
            return null;
        }
        Params m = r.get();
        RateLimit limit = new RateLimit(m.get(RateLimitMap.REQUESTS), expectation(m, RateLimitMap.EXPECT_STATUS), m.get(RateLimitMap.PATH, send.path()));
        m.done();
        return limit;
    }

    private static ExpiredToken expiredToken(Params p) {
        Optional<Params> e = p.get(EXPIRED_TOKEN);
        if (e.isEmpty()) {
            return null;
        }
        Params m = e.get();
        Optional<Credential> c = m.get(ExpiredTokenMap.CREDENTIALS_ID);
        Optional<Duration> ttl = Optional.ofNullable(m.get(ExpiredTokenMap.TTL));
        String credentialsId = ExpiredTokenMap.CREDENTIALS_ID.name();
        if (c.isPresent() == ttl.isPresent()) {
            throw new SpecException(m.path(c.isPresent() ? ExpiredTokenMap.TTL.name() : credentialsId), c.isPresent() ? "give credentialsId or ttl, not both"
                    : "is required: a secret text holding an expired token, or ttl (how long a token lives; a fresh one is used after that)");
        }
        String token = c.map(cr -> {
            if (!(cr instanceof Credential.SecretText t)) {
                throw new SpecException(m.path(credentialsId), "a " + cr.kind() + " is not a token; use secret text");
            }
            return t.secret();
        }).orElse(null);
        if (ttl.isPresent() && ttl.get().compareTo(Duration.ofHours(1)) > 0) {
            throw new SpecException(m.path(ExpiredTokenMap.TTL.name()), "is longer than an hour; a step should not wait that long (use credentialsId with a known expired token)");
        }
        m.done();
        return new ExpiredToken(token, ttl.orElse(null));
    }
}
