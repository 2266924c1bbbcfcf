package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated magicLinkAuthCheck: the app, the test address, how to read its mail, how to turn the link into a
 * session, what to call with it, and which negative checks to make. Texts may hold {@code ${email}} and
 * {@code ${token}}, filled in when known.
 */
public record MagicLinkSpec(
        App app,
        String emailTemplate,
        Send send,
        MailboxSpec mailbox,
        MailWait mailWait,
        Extraction extraction,
        Verify verify,
        List<AuthenticatedCheckSpec> authenticatedChecks,
        UserRecord userRecord,
        Refresh refresh,
        Negatives negatives,
        RateLimit rateLimit,
        ExpiredToken expiredToken,
        CommonParams common)
        implements StepSpec {

    public MagicLinkSpec {
        authenticatedChecks = List.copyOf(authenticatedChecks);
    }

    /** The same check of the app at {@code baseUrl} (a blue-green deploy's new copy, on its temporary port). */
    public MagicLinkSpec at(URI baseUrl) {
        return new MagicLinkSpec(new App(baseUrl, app.headers(), app.timeout(), app.trust()), emailTemplate, send, mailbox, mailWait, extraction, verify,
                authenticatedChecks, userRecord, refresh, negatives, rateLimit, expiredToken, common);
    }

    /** Where the app is, what every request to it carries, and how long one may take. */
    public record App(URI baseUrl, Map<String, String> headers, Duration timeout, TrustSource trust) implements Serializable {
        public App {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** {@code baseUrl} + {@code path} (a path with its query), without doubling the slash between them. */
        public URI resolve(String path) {
            String base = baseUrl.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
    }

    /** The request that makes the app send the link. */
    public record Send(String path, String body, StatusExpectation expectStatus) implements Serializable {}

    /** How long to wait for the email and how often to look. */
    public record MailWait(Duration timeout, Duration pollInterval, Duration clockSkew) implements Serializable {}

    /**
     * How the link and token are found in the email.
     *
     * @param linkPattern null: the first http(s) link with a {@code tokenParam} query parameter
     */
    public record Extraction(Pattern linkPattern, String tokenParam) implements Serializable {}

    /**
     * How the token becomes a session.
     *
     * @param followLink GET the link from the email (following redirects, keeping cookies) instead of {@code path}
     * @param sessionCookie null: the session is the JSON value at {@code sessionJsonPath}
     * @param linkOrigins origins besides baseUrl's that a followed link may lead to (scheme, host, port)
     */
    public record Verify(boolean followLink, String path, StatusExpectation expectStatus, String sessionJsonPath, String sessionCookie,
            List<URI> linkOrigins) implements Serializable {
        public Verify {
            linkOrigins = List.copyOf(linkOrigins);
        }

        public boolean cookieSession() {
            return sessionCookie != null;
        }
    }

    /** With {@code host}: a command there that must print the address (the user record exists). */
    public record UserRecord(String host, String command, Duration timeout) implements Serializable {}

    /** Exchanging the session for a new one: the new one must work too. */
    public record Refresh(String path, String method) implements Serializable {}

    /** The negative checks that need nothing extra, and what a rejection looks like. */
    public record Negatives(boolean invalidToken, boolean reusedToken, boolean noSession, StatusExpectation expectInvalidStatus,
            StatusExpectation expectNoSessionStatus) implements Serializable {}

    /** Opt-in: {@code requests} sends in a row must meet {@code expectStatus} at least once. */
    public record RateLimit(int requests, StatusExpectation expectStatus, String path) implements Serializable {}

    /**
     * Opt-in: an expired token must be rejected. Either a known expired token (from a credential), or a fresh link
     * whose token is used after waiting {@code ttl}.
     */
    public record ExpiredToken(String token, Duration ttl) implements Serializable {
        @Override
        public String toString() {
            return "ExpiredToken[" + (token == null ? "ttl " + ttl : "token ****") + "]";
        }
    }

    @Override
    public List<String> hosts() {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        if (mailbox instanceof MailboxSpec.Command c) {
            hosts.add(c.host());
        }
        if (userRecord != null) {
            hosts.add(userRecord.host());
        }
        return new ArrayList<>(hosts);
    }

    @Override
    public List<String> secrets() {
        List<String> out = new ArrayList<>(mailbox.secrets());
        if (expiredToken != null && expiredToken.token() != null) {
            out.add(expiredToken.token());
        }
        return out;
    }
}
