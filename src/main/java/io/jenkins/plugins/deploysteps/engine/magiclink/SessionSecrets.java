package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.SetCookie;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registers what a magic-link flow learns with the masker the moment it is known, in every form it can show up in:
 * a token raw, percent-encoded and inside its link (also HTML-escaped, as an HTML email has it); a session raw, as a
 * bearer header and as a cookie pair; every cookie a verify or refresh response sets; every token-like text field (8
 * characters or more) of its JSON.
 */
record SessionSecrets(SecretMasker masker, Progress progress, LinkExtractor extractor) {
    /** JSON fields of a verify or refresh response that hold credentials (refreshToken, accessToken, jwt, sessionId...). */
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(token|session|secret|jwt|password|key|auth).*");

    /** Shorter query values are not taken for tokens (a page's {@code token=1} flag); the emailed token is registered whatever its length. */
    private static final int TOKEN_LIKE = 8;

    /** Every link and every token parameter in the email, the moment it is read: also those no check can use (a {@code file:} link). */
    void mail(MailMessage m) {
        LinkExtractor.links(m).forEach(this::link);
        tokensIn(m.subject());
        tokensIn(m.text());
        tokensIn(m.html());
    }

    private void tokensIn(String text) {
        for (String t : extractor.tokenValues(text)) {
            if (t.length() >= TOKEN_LIKE) {
                token(t);
            }
        }
    }

    void token(String token) {
        register("a token", token);
        register("a token", Placeholders.encode(token));
    }

    void link(String link) {
        register("a link", link);
        register("a link", link.replace("&", "&amp;"));
    }

    void session(String session) {
        register("a session", session);
        register("a session", "Bearer " + session);
    }

    /**
     * Everything credential-like in any response of the app: a session a verify (or, oddly, a send) response issues,
     * a token a development build echoes, a token parameter in a link in its body.
     */
    void response(HttpResult r) {
        tokensIn(r.bodyText());
        for (SetCookie c : r.setCookies()) {
            register("a cookie", c.value());
            register("a cookie", c.name() + "=" + c.value());
        }
        if (!r.truncated() && r.bodyBytes() > 0) {
            try {
                fields(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()), false);
            } catch (java.io.IOException e) {
                // not JSON: nothing to find by field name
            }
        }
    }

    private void fields(com.fasterxml.jackson.databind.JsonNode n, boolean secretParent) {
        if (n == null) {
            return;
        }
        if (n.isValueNode()) {
            // Short values under such names are types and flags ("Bearer", 3600), not credentials.
            if (secretParent && n.isTextual() && n.asText().length() >= 8) {
                register("a session value", n.asText());
            }
            return;
        }
        if (n.isArray()) {
            n.forEach(item -> fields(item, secretParent));
            return;
        }
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : n.properties()) {
            fields(e.getValue(), secretParent || SECRET_FIELD.matcher(e.getKey()).matches());
        }
    }

    private void register(String what, String value) {
        if (value != null && !value.isEmpty() && !masker.register(value)) {
            progress.warn("magicLinkAuthCheck: " + what + " is too short to be masked in logs and reports");
        }
    }
}
