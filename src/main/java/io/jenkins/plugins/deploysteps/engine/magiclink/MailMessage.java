package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One email as every mailbox kind hands it over: who it was for, when it was sent (or received, where the server
 * knows that better), and its text and HTML bodies, decoded.
 *
 * @param sent when the message was sent or arrived; null when the mailbox does not say
 * @param text the text/plain body, or null
 * @param html the text/html body, or null
 */
public record MailMessage(String id, List<String> recipients, String from, String subject, Instant sent, String text, String html) {

    public MailMessage {
        recipients = List.copyOf(recipients);
    }

    /** Whether {@code address} is one of the recipients, exactly (without regard to case, as mail systems compare). */
    public boolean isFor(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return recipients.stream().anyMatch(r -> r.trim().toLowerCase(Locale.ROOT).equals(a));
    }

    /**
     * The address as a whole word in free text (command output, a log): {@code dev@example.test} is not mentioned by
     * {@code dev@example.test.old} or {@code xdev@example.test}.
     */
    public static java.util.regex.Pattern mentions(String address) {
        return java.util.regex.Pattern.compile("(?<![A-Za-z0-9._%+-])" + java.util.regex.Pattern.quote(address) + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])",
                java.util.regex.Pattern.CASE_INSENSITIVE);
    }

    /** Sent at or after {@code since}; a message without a date counts as new (the recipient is unique to the run). */
    public boolean sentSince(Instant since) {
        return sent == null || !sent.isBefore(since);
    }

    /** For evidence: sender, subject, date and the text (or HTML) body, at most {@code max} characters. */
    public String describe(int max) {
        String body = text != null && !text.isBlank() ? text : html == null ? "" : html;
        if (body.length() > max) {
            body = body.substring(0, max) + SecretMasker.CUT + "\n[" + body.length() + " characters in all]";
        }
        return "From: " + from + "\nTo: " + String.join(", ", recipients) + "\nSubject: " + subject + "\nDate: " + (sent == null ? "(none)" : sent)
                + "\n\n" + body;
    }
}
