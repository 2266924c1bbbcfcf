package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequests;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.App;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The requests a magic-link check sends to the app, built without sending anything, so tests can compare them:
 * request the link, verify a token, call an endpoint with or without the session, refresh it.
 */
final class AppRequests {
    static final String USER_AGENT = "deploy-steps magicLinkAuthCheck";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MagicLinkSpec spec;
    private final String email;

    AppRequests(MagicLinkSpec spec, String email) {
        this.spec = spec;
        this.email = email;
    }

    private App app() {
        return spec.app();
    }

    /** POST {@code sendPath} (or the rate limit's path) with {@code sendBody}. */
    HttpRequestSpec send(String path) {
        return request("POST", app().resolve(Placeholders.fillPath(path, email, null)), Placeholders.fillText(spec.send().body(), email), Map.of(), null,
                false);
    }

    /** The token checked the way the step verifies: GET {@code verifyPath} with it, or the email's link with it in place. */
    HttpRequestSpec verify(String token, String link) {
        if (spec.verify().followLink()) {
            if (refusal(link).isPresent()) {
                throw new IllegalStateException("a link to another origin was refused before it could be followed");
            }
            String target = link.contains(token) ? link : LinkExtractor.withToken(link, spec.extraction().tokenParam(), token);
            return request("GET", URI.create(target), null, Map.of(), null, true);
        }
        return request("GET", app().resolve(Placeholders.fillPath(spec.verify().path(), email, token)), null, Map.of(), null, false);
    }

    /**
     * Why {@code followLink} must not open {@code link}: it leads away from the app's origin, and the app's headers
     * (an API key) and cookies must go to the app only, nor may another host's session pass for the app's.
     */
    Optional<String> refusal(String link) {
        if (!spec.verify().followLink()) {
            return Optional.empty();
        }
        URI base = app().baseUrl();
        URI to;
        try {
            to = new URI(link);
        } catch (URISyntaxException e) {
            return Optional.of("the link is not a valid URL: followLink opens only links to the app at " + origin(base));
        }
        if (to.getScheme() != null && to.getHost() != null
                && (HttpRequests.sameOrigin(base, to) || spec.verify().linkOrigins().stream().anyMatch(o -> HttpRequests.sameOrigin(o, to)))) {
            return Optional.empty();
        }
        return Optional.of("the link leads to " + origin(to) + ", not to the app at " + origin(base)
                + (spec.verify().linkOrigins().isEmpty() ? "" : " nor to a linkOrigins entry")
                + ": followLink opens only links to the app's own origin (and linkOrigins), so its headers and cookies go nowhere else");
    }

    /** {@code scheme://host:port}, without path or query (where the token is). */
    private static String origin(URI u) {
        if (u.getHost() == null) {
            return u.getScheme() == null ? "a relative link" : u.getScheme() + ":";
        }
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + HttpRequests.authority(u);
    }

    /** An authenticated check's request, carrying {@code session} as the check says (or no session when null). */
    HttpRequestSpec authenticated(AuthenticatedCheckSpec c, String session) {
        String body = Placeholders.fillText(c.body(), email);
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        HttpAuth auth = null;
        if (session != null) {
            if (c.auth() instanceof SessionTransport.Bearer) {
                auth = new HttpAuth.Bearer(session);
            } else if (c.auth() instanceof SessionTransport.Cookie) {
                headers.put("Cookie", spec.verify().sessionCookie() + "=" + session);
            } else if (c.auth() instanceof SessionTransport.Header h) {
                headers.put(h.name(), session);
            } else if (c.auth() instanceof SessionTransport.BodyField f) {
                body = withField(body, f.field(), session);
            }
        }
        return request(c.method(), app().resolve(Placeholders.fillPath(c.path(), email, null)), body, headers, auth, false);
    }

    /** POST (or the configured method) {@code refreshPath} with the session as bearer token or cookie. */
    HttpRequestSpec refresh(String session) {
        Map<String, String> headers = new LinkedHashMap<>();
        HttpAuth auth = null;
        if (spec.verify().cookieSession()) {
            headers.put("Cookie", spec.verify().sessionCookie() + "=" + session);
        } else {
            auth = new HttpAuth.Bearer(session);
        }
        return request(spec.refresh().method(), app().resolve(Placeholders.fillPath(spec.refresh().path(), email, null)), null, headers, auth, false);
    }

    private HttpRequestSpec request(String method, URI uri, String body, Map<String, String> extra, HttpAuth auth, boolean follow) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        app().headers().forEach((k, v) -> put(headers, k, v));
        extra.forEach((k, v) -> put(headers, k, v));
        return new HttpRequestSpec(method, uri, headers, body, auth, app().timeout(), follow);
    }

    /** Replaces a header whatever the case it was first given in. */
    private static void put(Map<String, String> headers, String name, String value) {
        headers.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        headers.put(name, value);
    }

    /** {@code body} (a JSON object, or none) with {@code field} set to {@code value}. */
    static String withField(String body, String field, String value) {
        try {
            ObjectNode o = body == null || body.isBlank() ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(body);
            o.put(field, value);
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the body was checked to be a JSON object when the step was bound", e);
        }
    }
}
