package io.jenkins.plugins.deploysteps.engine.magiclink;

/** A mailbox could not be read: refused, timed out, logged out, an answer that is not what its API documents. */
final class MailboxException extends Exception {
    private static final long serialVersionUID = 1L;

    MailboxException(String message) {
        super(message);
    }
}
