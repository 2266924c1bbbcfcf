package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MailDev 3's REST API: {@code GET /api/email?to.address=<address>} returns the matching emails in arrival order, each
 * with {@code id}, {@code time} (its Date header, else when it arrived), {@code to}/{@code cc} and
 * {@code envelope.to} as {@code [{address, name}]}, {@code subject}, {@code text} and {@code html}. Newest is chosen here.
 */
final class MailDevMailbox extends HttpMailbox {
    MailDevMailbox(MailboxSpec.HttpApi spec, Http http, Duration timeout) {
        super(spec, http, timeout);
    }

    @Override
    public Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException, InterruptedException {
        JsonNode list = get("/api/email?to.address=" + encode(recipient));
        if (!list.isArray()) {
            throw new MailboxException(describe() + ": GET /api/email did not answer a list");
        }
        MailMessage newest = null;
        for (JsonNode m : list) {
            List<String> recipients = new ArrayList<>(each(m, "to", "address"));
            recipients.addAll(each(m, "cc", "address"));
            JsonNode envelope = m.get("envelope");
            recipients.addAll(each(envelope, "to", "address"));
            List<String> from = each(m, "from", "address");
            MailMessage candidate = new MailMessage(text(m, "id"), recipients, from.isEmpty() ? null : from.get(0), text(m, "subject"),
                    instant(m, "time"), text(m, "text"), text(m, "html"));
            // Same time (the Date header has whole seconds): the later in arrival order is the newer.
            if (candidate.isFor(recipient) && candidate.sentSince(since) && (newest == null || candidate.sent() == null || newest.sent() == null
                    || !candidate.sent().isBefore(newest.sent()))) {
                newest = candidate;
            }
        }
        return Optional.ofNullable(newest);
    }
}
