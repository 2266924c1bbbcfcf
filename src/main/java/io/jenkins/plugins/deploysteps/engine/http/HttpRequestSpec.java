package io.jenkins.plugins.deploysteps.engine.http;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request as a step asked for it, validated and serializable: it travels inside a spec to the agent
 * that sends it. Building the JDK request ({@link HttpRequests}) and sending it ({@link Http}) are separate, so
 * tests can compare what would be sent without sending it.
 *
 * @param body the request body as text, or null for none
 * @param auth null for none
 * @param timeout bounds the whole exchange: connecting, every redirect, and reading the complete body
 */
public record HttpRequestSpec(
        String method, URI uri, Map<String, String> headers, String body, HttpAuth auth, Duration timeout, boolean followRedirects)
        implements Serializable {

    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Headers the JDK client sets itself and refuses to take from callers. */
    public static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    public HttpRequestSpec {
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        Objects.requireNonNull(uri, "uri");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a request needs a positive timeout");
        }
    }

    /** A GET of {@code uri} without headers, body or authentication. */
    public static HttpRequestSpec get(URI uri, Duration timeout) {
        return new HttpRequestSpec("GET", uri, Map.of(), null, null, timeout, false);
    }

    public HttpRequestSpec withAuth(HttpAuth a) {
        return new HttpRequestSpec(method, uri, headers, body, a, timeout, followRedirects);
    }

    public HttpRequestSpec withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpRequestSpec(method, uri, h, body, auth, timeout, followRedirects);
    }

    public HttpRequestSpec withBody(String method, String text) {
        return new HttpRequestSpec(method, uri, headers, text, auth, timeout, followRedirects);
    }

    public HttpRequestSpec withUri(URI other) {
        return new HttpRequestSpec(method, other, headers, body, auth, timeout, followRedirects);
    }

    public HttpRequestSpec following(boolean follow) {
        return new HttpRequestSpec(method, uri, headers, body, auth, timeout, follow);
    }

    /** Secret values in this request, for the masker. */
    public List<String> secrets() {
        return auth == null ? List.of() : auth.secrets();
    }

    /** {@code GET https://host/path}, for logs and check names. */
    public String describe() {
        return method + " " + uri;
    }
}
