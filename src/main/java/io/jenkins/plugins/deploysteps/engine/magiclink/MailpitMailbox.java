package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Mailpit's API v1: {@code GET /api/v1/search?query=to:<address>} lists message summaries, newest first ({@code ID},
 * {@code To}/{@code Cc}/{@code Bcc} as {@code [{Name, Address}]}, {@code Created}); {@code GET /api/v1/message/<ID>}
 * has the decoded {@code Text} and {@code HTML}. Its {@code to:} search matches substrings, so recipients are compared
 * here, exactly. Mailpit's link check endpoint is never called.
 */
final class MailpitMailbox extends HttpMailbox {
    MailpitMailbox(MailboxSpec.HttpApi spec, Http http, Duration timeout) {
        super(spec, http, timeout);
    }

    @Override
    public Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException, InterruptedException {
        JsonNode list = get("/api/v1/search?query=" + encode("to:" + recipient) + "&limit=50");
        JsonNode messages = list.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new MailboxException(describe() + ": the search answer has no 'messages' list");
        }
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode m : messages) {
            MailMessage summary = summary(m, null, null);
            if (summary.isFor(recipient) && summary.sentSince(since)) {
                matching.add(m);
            }
        }
        matching.sort(Comparator.comparing((JsonNode m) -> Optional.ofNullable(instant(m, "Created")).orElse(Instant.MAX)).reversed());
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = matching.get(0);
        JsonNode full = get("/api/v1/message/" + encode(text(first, "ID")));
        return Optional.of(summary(first, text(full, "Text"), text(full, "HTML")));
    }

    private static MailMessage summary(JsonNode m, String text, String html) {
        List<String> recipients = new ArrayList<>(each(m, "To", "Address"));
        recipients.addAll(each(m, "Cc", "Address"));
        recipients.addAll(each(m, "Bcc", "Address"));
        JsonNode from = m.get("From");
        return new MailMessage(text(m, "ID"), recipients, from == null ? null : text(from, "Address"), text(m, "Subject"), instant(m, "Created"),
                text, html);
    }
}
