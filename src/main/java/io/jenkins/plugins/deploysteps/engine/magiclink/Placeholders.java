package io.jenkins.plugins.deploysteps.engine.magiclink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${email}}, {@code ${token}} and {@code ${unique}} placeholders of step texts. Replaced literally (never
 * evaluated), so a Groovy GString that already filled them in and a single-quoted string that did not both work.
 */
final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private Placeholders() {}

    /** {@code text} with each known placeholder replaced; unknown ones are left as they are (binding refuses them). */
    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** For a URL path or query: the token percent-encoded, the email as a query value. */
    static String fillPath(String path, String email, String token) {
        return fill(path, Map.of("email", email == null ? "${email}" : encode(email), "token", token == null ? "${token}" : encode(token)));
    }

    /** For a body or an expected value: as they are. */
    static String fillText(String text, String email) {
        return fill(text, Map.of("email", email));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first placeholder in {@code text} not among {@code allowed}, or null. */
    static String unknown(String text, java.util.Set<String> allowed) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                return m.group();
            }
        }
        return null;
    }
}
