package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MailHog's API v2: {@code GET /api/v2/search?kind=to&query=<address>} returns {@code items}, newest first, each with
 * its envelope recipients ({@code To: [{Mailbox, Domain}]}), {@code Created}, headers and the raw message
 * ({@code Raw.Data}), which is parsed here as MIME to get decoded bodies. Its search matches substrings; recipients are
 * compared here, exactly.
 */
final class MailHogMailbox extends HttpMailbox {
    MailHogMailbox(MailboxSpec.HttpApi spec, Http http, Duration timeout) {
        super(spec, http, timeout);
    }

    @Override
    public Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException, InterruptedException {
        JsonNode list = get("/api/v2/search?kind=to&query=" + encode(recipient) + "&limit=50");
        JsonNode items = list.get("items");
        if (items == null || !items.isArray()) {
            throw new MailboxException(describe() + ": the search answer has no 'items' list");
        }
        MailMessage newest = null;
        for (JsonNode m : items) {
            List<String> recipients = new ArrayList<>();
            JsonNode to = m.get("To");
            if (to != null && to.isArray()) {
                for (JsonNode path : to) {
                    recipients.add(text(path, "Mailbox") + "@" + text(path, "Domain"));
                }
            }
            Instant created = instant(m, "Created");
            MailMessage candidate = new MailMessage(text(m, "ID"), recipients, null, null, created, null, null);
            if (candidate.isFor(recipient) && candidate.sentSince(since) && (newest == null || created != null && newest.sent() != null
                    && created.isAfter(newest.sent()))) {
                newest = decoded(m, candidate);
            }
        }
        return Optional.ofNullable(newest);
    }

    private MailMessage decoded(JsonNode m, MailMessage envelope) throws MailboxException {
        JsonNode raw = m.get("Raw");
        String data = raw == null ? null : text(raw, "Data");
        if (data == null) {
            throw new MailboxException(describe() + ": message " + envelope.id() + " has no Raw.Data");
        }
        try {
            MimeMessage mime = MimeText.parse(data);
            MimeText bodies = MimeText.of(mime);
            String from = mime.getFrom() == null || mime.getFrom().length == 0 ? null : mime.getFrom()[0].toString();
            return new MailMessage(envelope.id(), envelope.recipients(), from, mime.getSubject(), envelope.sent(), bodies.text, bodies.html);
        } catch (MessagingException | IOException e) {
            throw new MailboxException(describe() + ": message " + envelope.id() + " is not a readable MIME message: " + e.getMessage());
        }
    }
}
