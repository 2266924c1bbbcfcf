package io.jenkins.plugins.deploysteps.engine.magiclink;

import java.time.Instant;
import java.util.Optional;

/**
 * A place the test address's mail can be read, looked at once per poll. Implementations never open links (a mail
 * server's link checker would burn a single-use token) and bound every operation by a timeout.
 */
interface Mailbox extends AutoCloseable {

    /**
     * The newest message for exactly {@code recipient} sent at or after {@code since}, or empty when there is none yet.
     *
     * @throws MailboxException when the mailbox could not be read this time (the cause, not a verdict)
     */
    Optional<MailMessage> newest(String recipient, Instant since) throws MailboxException, InterruptedException;

    /** For messages: {@code mailpit at http://mail:8025}. */
    String describe();

    @Override
    default void close() {}
}
