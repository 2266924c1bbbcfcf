package io.jenkins.plugins.deploysteps.engine.magiclink;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The decoded text and HTML bodies of a MIME message (quoted-printable and base64 undone, charsets applied), however
 * deeply they are nested in multiparts: how a link in a real email becomes searchable text.
 */
final class MimeText {
    /** Characters of each body kept; magic-link emails are small, and a runaway one must not fill the memory. */
    static final int MAX_BODY = 1 << 20;

    final String text;
    final String html;

    private MimeText(String text, String html) {
        this.text = text;
        this.html = html;
    }

    static MimeText of(Part part) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        collect(part, text, html, 0);
        return new MimeText(text.length() == 0 ? null : text.toString(), html.length() == 0 ? null : html.toString());
    }

    /** A raw RFC 5322 message (what SMTP delivered), parsed without any mail session or network. */
    static MimeMessage parse(String raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, int depth) throws MessagingException, IOException {
        if (depth > 10 || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            Object content = part.getContent();
            if (content instanceof String s) {
                StringBuilder into = part.isMimeType("text/html") ? html : text;
                if (into.length() < MAX_BODY) {
                    into.append(s, 0, Math.min(s.length(), MAX_BODY - into.length()));
                }
            }
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, text, html, depth + 1);
            }
        }
    }
}
