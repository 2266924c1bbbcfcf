package io.jenkins.plugins.deploysteps.engine.magiclink;

/** A mailbox could not be read: refused, timed out, logged out, an answer that is not what its API documents. */
final class MailboxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retry;

    MailboxException(String message) {
        this(message, true);
    }

    /** @param retry false when asking again cannot give another answer, so waiting for mail stops at once */
    MailboxException(String message, boolean retry) {
        super(message);
        this.retry = retry;
    }

    boolean retry() {
        return retry;
    }
}
