package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Step parameters that describe HTTP, read and checked the same way by every step: URLs and header maps. */
public final class HttpParams {
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HttpParams() {}

    /** An http(s) URL with a host and without credentials in it (those come from credentialsId). */
    public static URI url(Params c, String field, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new SpecException(c.path(field), "'" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new SpecException(c.path(field), "'" + value + "' is not an http:// or https:// URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new SpecException(c.path(field), "must not carry a user name or password; use credentialsId");
        }
        return uri;
    }

    /** Header name → value, each a valid name with a value on one line ({@code expectHeader}, say). */
    public static Map<String, String> headers(Params c, String field) {
        Map<String, String> headers = c.stringMap(field);
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String at = c.path(field) + "[" + e.getKey() + "]";
            if (!HEADER_NAME.matcher(e.getKey()).matches()) {
                throw new SpecException(at, "'" + e.getKey() + "' is not a header name");
            }
            if (e.getValue() == null || e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
                throw new SpecException(at, "needs a value on one line");
            }
        }
        return headers;
    }

    /** Headers to send: as {@link #headers}, without those the HTTP client sets itself. */
    public static Map<String, String> requestHeaders(Params c, String field) {
        Map<String, String> headers = headers(c, field);
        for (String name : headers.keySet()) {
            if (HttpRequestSpec.RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new SpecException(c.path(field) + "[" + name + "]", "is set by the HTTP client and cannot be given");
            }
        }
        return headers;
    }
}
