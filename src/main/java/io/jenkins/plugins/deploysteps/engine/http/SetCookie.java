package io.jenkins.plugins.deploysteps.engine.http;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header as RFC 6265 reads it: a name, a value and attributes (names lower-cased, flags such as
 * {@code HttpOnly} with an empty value). Attributes a checker cares about have their own methods.
 */
public record SetCookie(String name, String value, Map<String, String> attributes) implements Serializable {

    public SetCookie {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Parses a header value; empty when it has no {@code name=} pair (RFC 6265 5.2: such a header is ignored). */
    public static Optional<SetCookie> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0 || parts[0].substring(0, eq).isBlank()) {
            return Optional.empty();
        }
        String name = parts[0].substring(0, eq).trim();
        String value = unquote(parts[0].substring(eq + 1).trim());
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int at = p.indexOf('=');
            String key = (at < 0 ? p : p.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            attributes.put(key, at < 0 ? "" : p.substring(at + 1).trim());
        }
        return Optional.of(new SetCookie(name, value, attributes));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    public boolean httpOnly() {
        return attributes.containsKey("httponly");
    }

    public boolean secure() {
        return attributes.containsKey("secure");
    }

    /** {@code Strict}, {@code Lax} or {@code None} as the server wrote it; empty when absent. */
    public Optional<String> sameSite() {
        return Optional.ofNullable(attributes.get("samesite")).filter(s -> !s.isBlank());
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The attributes as a header would show them, without the value: {@code Path=/; HttpOnly; SameSite=Lax}. */
    public String describeAttributes() {
        StringBuilder b = new StringBuilder();
        attributes.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(k).append(v.isEmpty() ? "" : "=" + v);
        });
        return b.length() == 0 ? "(no attributes)" : b.toString();
    }

    /** Never the value: cookies this code reads are sessions. */
    @Override
    public String toString() {
        return name + "=****; " + describeAttributes();
    }
}
