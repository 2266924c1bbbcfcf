package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Extraction;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the magic link and its token in an email: the first http(s) link with the token query parameter, or what
 * {@code linkPattern} matches (its group {@code link}, else group 1, else the whole match; the token from its group
 * {@code token}, else from the query parameter). The HTML body is searched first, with {@code &amp;} undone: its links
 * end exactly where their quotes do. In plain text a link ends at white space, and sentence punctuation after it
 * ({@code .,;:!?)}) is taken as the sentence's, not the link's.
 */
final class LinkExtractor {
    /** A link in text ends at white space, quotes or angle brackets; trailing sentence punctuation is not part of it. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final String TRAILING = ".,;:!?)]}";

    /** The link and the token in it. */
    record Found(String link, String token) {
        @Override
        public String toString() {
            return "Found[****]";
        }
    }

    private final Extraction spec;

    LinkExtractor(Extraction spec) {
        this.spec = spec;
    }

    /** Empty when the email has no such link; {@link #describeMiss} says what it had instead. */
    Optional<Found> find(MailMessage m) {
        for (Body body : bodies(m)) {
            Optional<Found> f = spec.linkPattern() == null ? firstWithToken(body) : byPattern(body.text());
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Every http(s) link in the email, for masking and for saying what was there. */
    static List<String> links(MailMessage m) {
        List<String> out = new ArrayList<>();
        for (Body body : bodies(m)) {
            Matcher x = LINK.matcher(body.text());
            while (x.find()) {
                String l = body.exact() ? x.group() : trim(x.group());
                if (!out.contains(l)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /**
     * Every value of the token parameter anywhere in {@code text}, whatever the link's scheme ({@code file:}, a custom
     * app scheme) or if it is no link at all: what must be masked even when no link can be used.
     */
    List<String> tokenValues(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher x = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(spec.tokenParam()) + "=([^&#\\s\"'<>]+)").matcher(unescapeAmpersands(text));
        while (x.find()) {
            String raw = trim(x.group(1));
            out.add(raw);
            try {
                out.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a stray '%': the raw form is all there is
            }
        }
        return out;
    }

    String describeMiss(MailMessage m) {
        int n = links(m).size();
        String what = spec.linkPattern() == null ? "no link with a '" + spec.tokenParam() + "' query parameter"
                : "nothing matching linkPattern /" + spec.linkPattern().pattern() + "/ (with a token)";
        return what + " in the email (it has " + n + " link" + (n == 1 ? "" : "s") + ")";
    }

    /** The HTML body (ampersands undone) first, then the text body; each with whether its links are delimited exactly. */
    private record Body(String text, boolean exact) {}

    private static List<Body> bodies(MailMessage m) {
        List<Body> out = new ArrayList<>();
        if (m.html() != null) {
            out.add(new Body(unescapeAmpersands(m.html()), true));
        }
        if (m.text() != null) {
            out.add(new Body(m.text(), false));
        }
        return out;
    }

    private Optional<Found> firstWithToken(Body body) {
        Matcher x = LINK.matcher(body.text());
        while (x.find()) {
            String link = body.exact() ? x.group() : trim(x.group());
            Optional<String> token = queryParam(link, spec.tokenParam());
            if (token.isPresent()) {
                return Optional.of(new Found(link, token.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> byPattern(String body) {
        Matcher x = spec.linkPattern().matcher(body);
        while (x.find()) {
            String link = group(x, "link").orElse(x.groupCount() >= 1 && x.group(1) != null ? x.group(1) : x.group());
            Optional<String> token = group(x, "token").or(() -> queryParam(link, spec.tokenParam()));
            if (token.isPresent() && !token.get().isEmpty()) {
                return Optional.of(new Found(link, token.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> group(Matcher m, String name) {
        try {
            return Optional.ofNullable(m.group(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the pattern has no such group
        }
    }

    /** The decoded value of query parameter {@code name}, if the link has one with a value. */
    static Optional<String> queryParam(String link, String name) {
        String query;
        try {
            query = new URI(link).getRawQuery();
        } catch (URISyntaxException e) {
            int q = link.indexOf('?');
            query = q < 0 ? null : link.substring(q + 1).replaceFirst("#.*$", "");
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name) && eq < pair.length() - 1) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The link with its token replaced by {@code token}: an invalid token sent the way the real one is. */
    static String withToken(String link, String name, String token) {
        return link.replaceFirst("([?&]" + Pattern.quote(name) + "=)[^&#]*", "$1" + Matcher.quoteReplacement(Placeholders.encode(token)));
    }

    private static String trim(String link) {
        String l = link;
        while (!l.isEmpty() && TRAILING.indexOf(l.charAt(l.length() - 1)) >= 0) {
            l = l.substring(0, l.length() - 1);
        }
        return l;
    }

    static String unescapeAmpersands(String html) {
        return html.replace("&amp;", "&").replace("&#38;", "&").replace("&#x26;", "&");
    }
}
