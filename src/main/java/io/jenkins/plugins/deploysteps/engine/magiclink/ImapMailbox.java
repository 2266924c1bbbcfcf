package io.jenkins.plugins.deploysteps.engine.magiclink;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.RecipientStringTerm;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * An IMAP folder through Jakarta Mail, opened read-only once and searched on every poll ({@code SEARCH OR TO x CC x},
 * which also makes the server report new mail). The server's SEARCH matches substrings, so recipients are compared
 * here, exactly; "sent after" uses the server's arrival time (INTERNALDATE). Connecting, each read and each write have
 * the step's timeout, so a server that stops answering cannot hang the build.
 */
final class ImapMailbox implements Mailbox {
    private final MailboxSpec.Imap spec;
    private final Duration timeout;
    private Store store;
    private Folder folder;

    ImapMailbox(MailboxSpec.Imap spec, Duration timeout) {
        this.spec = spec;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    /** The session properties: protocol, TLS and every timeout. */
    static Properties properties(MailboxSpec.Imap spec, Duration timeout) throws GeneralSecurityException {
        String protocol = spec.security() == MailboxSpec.Security.SSL ? "imaps" : "imap";
        String ms = Long.toString(Math.max(1, timeout.toMillis()));
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", spec.host());
        p.put("mail." + protocol + ".port", Integer.toString(spec.port()));
        p.put("mail." + protocol + ".connectiontimeout", ms);
        p.put("mail." + protocol + ".timeout", ms);
        p.put("mail." + protocol + ".writetimeout", ms);
        if (spec.security() != MailboxSpec.Security.NONE) {
            p.put("mail." + protocol + ".ssl.socketFactory", spec.trust().sslContext().getSocketFactory());
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (spec.security() == MailboxSpec.Security.STARTTLS) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        return p;
    }

    private void open() throws MailboxException {
        if (folder != null && folder.isOpen()) {
            return;
        }
        close();
        // Jakarta Mail finds its protocol providers through the context class loader; in a Jenkins plugin (or on an agent)
        // that loader may not see them, the library's own loader always does.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties(spec, timeout));
            store = session.getStore();
            store.connect(spec.host(), spec.port(), spec.username(), spec.password());
            folder = store.getFolder(spec.folder());
            folder.open(Folder.READ_ONLY);
        } catch (MessagingException | GeneralSecurityException e) {
            close();
            throw new MailboxException(describe() + ": " + cause(e));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException {
        open();
        try {
            Message[] found = folder.search(new OrTerm(new RecipientStringTerm(Message.RecipientType.TO, recipient),
                    new RecipientStringTerm(Message.RecipientType.CC, recipient)));
            List<Message> newestFirst = new ArrayList<>(Arrays.asList(found));
            newestFirst.sort(Comparator.comparingInt(Message::getMessageNumber).reversed());
            for (Message m : newestFirst) {
                Date received = m.getReceivedDate();
                MailMessage envelope = new MailMessage(Integer.toString(m.getMessageNumber()), recipients(m), null, null,
                        received == null ? null : received.toInstant(), null, null);
                if (envelope.isFor(recipient) && envelope.sentSince(since)) {
                    MimeText bodies = MimeText.of(m);
                    Address[] from = m.getFrom();
                    return Optional.of(new MailMessage(envelope.id(), envelope.recipients(), from == null || from.length == 0 ? null : from[0].toString(),
                            m.getSubject(), envelope.sent(), bodies.text, bodies.html));
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            close(); // the next poll reconnects
            throw new MailboxException(describe() + ": " + cause(e));
        }
    }

    private static List<String> recipients(Message m) throws MessagingException {
        List<String> out = new ArrayList<>();
        Address[] all = m.getAllRecipients();
        if (all != null) {
            for (Address a : all) {
                out.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
        return out;
    }

    private static String cause(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e || root.getMessage() == null ? m : m + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // closing a broken connection: nothing more to do
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // as above
        }
        folder = null;
        store = null;
    }
}
