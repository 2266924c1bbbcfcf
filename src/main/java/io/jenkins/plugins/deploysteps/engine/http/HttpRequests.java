package io.jenkins.plugins.deploysteps.engine.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds what {@link Http} sends, without sending anything: the JDK request of each hop, and where a redirect
 * leads. Redirects are followed here by rule rather than by the JDK client so that every hop is recorded and
 * credentials never travel to another origin.
 */
public final class HttpRequests {
    public static final String USER_AGENT = "deploy-steps";

    private HttpRequests() {}

    /**
     * One request of an exchange.
     *
     * @param withAuth whether the Authorization header goes along (only to the origin the step named)
     */
    public record Hop(URI uri, String method, String body, boolean withAuth) {
        public static Hop first(HttpRequestSpec spec) {
            return new Hop(spec.uri(), spec.method(), spec.body(), spec.auth() != null);
        }
    }

    /** The JDK request for one hop; {@code timeout} is what is left of the exchange's time. */
    public static HttpRequest build(HttpRequestSpec spec, Hop hop, Duration timeout) {
        return build(spec, hop, timeout, null);
    }

    /**
     * As {@link #build(HttpRequestSpec, Hop, Duration)}, with {@code cookies} (set by earlier hops of the exchange, or null)
     * after any {@code Cookie} header of the request itself.
     */
    public static HttpRequest build(HttpRequestSpec spec, Hop hop, Duration timeout, String cookies) {
        HttpRequest.BodyPublisher body = hop.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(hop.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(hop.uri()).timeout(timeout).method(hop.method(), body)
                .header("User-Agent", USER_AGENT);
        // A step's headers often carry credentials (X-Api-Key, a session Cookie): a redirect to another origin gets none of them.
        boolean ownOrigin = sameOrigin(spec.uri(), hop.uri());
        for (Map.Entry<String, String> h : spec.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("User-Agent")) {
                b.setHeader("User-Agent", h.getValue());
            } else if (!ownOrigin || h.getKey().equalsIgnoreCase("Cookie") && cookies != null) {
                continue; // another origin, or joined with the hop's cookies below as one header
            } else if (!h.getKey().equalsIgnoreCase("Authorization") || spec.auth() == null) {
                b.header(h.getKey(), h.getValue());
            }
        }
        if (cookies != null) {
            String own = !ownOrigin ? null : spec.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Cookie"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            b.header("Cookie", own == null ? cookies : own + "; " + cookies);
        }
        if (hop.withAuth() && spec.auth() != null) {
            b.header("Authorization", spec.auth().headerValue());
        }
        return b.build();
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Where {@code location} points, seen from {@code from}; empty when it is not a usable URI. */
    public static Optional<URI> resolve(URI from, String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try {
            URI target = from.resolve(new URI(location.trim()));
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && target.getHost() != null ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The hop a redirect leads to, as browsers and curl do it: 303, and 301/302 after a POST, become a GET
     * without body; 307 and 308 repeat the method and body. Authorization goes along only while the origin
     * (scheme, host, port) stays the one the step named.
     */
    public static Hop next(HttpRequestSpec spec, Hop current, int status, URI target) {
        boolean toGet = status == 303 && !current.method().equals("HEAD") || (status == 301 || status == 302) && current.method().equals("POST");
        String method = toGet ? "GET" : current.method();
        String body = toGet ? null : current.body();
        return new Hop(target, method, body, current.withAuth() && sameOrigin(spec.uri(), target));
    }

    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    public static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** {@code host:port}, as messages name a server. */
    public static String authority(URI u) {
        return Objects.requireNonNullElse(u.getHost(), "?") + ":" + port(u);
    }
}
