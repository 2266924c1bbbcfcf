package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the mail servers with an HTTP API share: GET a path below the configured URL, within the step's timeout, with
 * the configured basic authentication, and read the JSON answer. Only the documented read endpoints are called;
 * nothing that opens, checks or follows links.
 */
abstract class HttpMailbox implements Mailbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MailboxSpec.HttpApi spec;
    private final Http http;
    private final Duration timeout;

    HttpMailbox(MailboxSpec.HttpApi spec, Http http, Duration timeout) {
        this.spec = spec;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** GET {@code pathAndQuery} (already encoded) and parse the JSON answer; anything but 200 and JSON is a failure. */
    JsonNode get(String pathAndQuery) throws MailboxException, InterruptedException {
        String base = spec.url().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
        HttpResult r;
        try {
            r = http.exchange(new HttpRequestSpec("GET", uri, Map.of("Accept", "application/json"), null, spec.auth(), timeout, false));
        } catch (HttpFailure f) {
            throw new MailboxException(describe() + ": " + f.getMessage());
        }
        if (r.truncated()) {
            throw new MailboxException(describe() + ": GET " + uri.getRawPath() + " answered " + r.bodyBytes() + " bytes, too large for a mailbox answer (at most "
                    + r.body().length + " are read); is the URL the mailbox's API?", false);
        }
        if (r.status() != 200) {
            String body = r.bodyText().strip();
            throw new MailboxException(describe() + ": GET " + uri.getRawPath() + " answered " + r.status()
                    + (body.isEmpty() ? "" : " (" + (body.length() > 200 ? body.substring(0, 200) + "..." : body) + ")")
                    + (r.status() == 401 ? "; does the mailbox need credentialsId?" : ""));
        }
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new MailboxException(describe() + ": GET " + uri.getRawPath() + " did not answer JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** Text of a field, or null when it is missing or JSON null. */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** RFC 3339 date-time (with any fraction and offset) of a field, or null. */
    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code field} of every object in the array {@code array} (absent or null arrays are empty). */
    static List<String> each(JsonNode n, String array, String field) {
        List<String> out = new ArrayList<>();
        JsonNode a = n == null ? null : n.get(array);
        if (a != null && a.isArray()) {
            for (JsonNode item : a) {
                String v = text(item, field);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    static String encode(String s) {
        return Placeholders.encode(s);
    }
}
