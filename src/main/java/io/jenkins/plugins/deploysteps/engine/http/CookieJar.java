package io.jenkins.plugins.deploysteps.engine.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cookies set during one exchange, sent on its later hops as a browser would (RFC 6265 section 5.4): a login link that
 * sets a session cookie and redirects to a page needing it works when followed. Host-only unless the cookie names a
 * Domain the host belongs to; Path prefix rule; Secure only over https; Max-Age 0 (or negative) deletes.
 */
public final class CookieJar {
    private record Stored(SetCookie cookie, String domain, boolean hostOnly, String path) {}

    private final Map<String, Stored> cookies = new LinkedHashMap<>();

    /** Stores what a response from {@code from} set; cookies for another domain are ignored, as a browser ignores them. */
    public void store(URI from, List<String> setCookieHeaders) {
        String host = host(from);
        for (String header : setCookieHeaders) {
            SetCookie c = SetCookie.parse(header).orElse(null);
            if (c == null) {
                continue;
            }
            String domain = c.attribute("domain").map(d -> d.startsWith(".") ? d.substring(1) : d).map(d -> d.toLowerCase(Locale.ROOT))
                    .filter(d -> !d.isEmpty()).orElse(null);
            if (domain != null && !domainMatches(host, domain)) {
                continue;
            }
            String path = c.attribute("path").filter(p -> p.startsWith("/")).orElse(defaultPath(from));
            String key = c.name() + ";" + (domain == null ? host : domain) + ";" + path;
            boolean expired = c.attribute("max-age").map(CookieJar::nonPositive).orElse(false);
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, new Stored(c, domain == null ? host : domain, domain == null, path));
            }
        }
    }

    /** The {@code Cookie} header for a request to {@code to}, or null when no stored cookie applies. */
    public String header(URI to) {
        String host = host(to);
        String path = to.getRawPath() == null || to.getRawPath().isEmpty() ? "/" : to.getRawPath();
        boolean https = "https".equalsIgnoreCase(to.getScheme());
        List<String> pairs = new ArrayList<>();
        for (Stored s : cookies.values()) {
            boolean domainOk = s.hostOnly() ? host.equals(s.domain()) : domainMatches(host, s.domain());
            if (domainOk && pathMatches(path, s.path()) && (https || !s.cookie().secure())) {
                pairs.add(s.cookie().name() + "=" + s.cookie().value());
            }
        }
        return pairs.isEmpty() ? null : String.join("; ", pairs);
    }

    private static String host(URI u) {
        return u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    }

    static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain) && !host.matches("[0-9.]+");
    }

    static boolean pathMatches(String requestPath, String cookiePath) {
        return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    static String defaultPath(URI u) {
        String p = u.getRawPath();
        if (p == null || !p.startsWith("/") || p.lastIndexOf('/') == 0) {
            return "/";
        }
        return p.substring(0, p.lastIndexOf('/'));
    }

    private static boolean nonPositive(String maxAge) {
        try {
            return Long.parseLong(maxAge.trim()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
