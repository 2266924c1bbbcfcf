package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.MailWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Looks into the mailbox every {@code pollInterval} until the wanted message is there or {@code mailTimeout} has
 * passed. A mailbox that fails to answer is asked again at the next poll (a server may be restarting); only when the
 * time is up does its last failure count.
 */
final class MailPoller {
    /**
     * How a wait ended.
     *
     * @param message null when nothing came
     * @param detectedAt when the poll that found it returned
     * @param lastFailure the last time the mailbox could not be read, or null
     */
    record Outcome(MailMessage message, int polls, Duration waited, Instant detectedAt, String lastFailure, boolean everAnswered) {}

    private final MailWait wait;
    private final Clock clock;

    MailPoller(MailWait wait, Clock clock) {
        this.wait = wait;
        this.clock = clock;
    }

    Outcome poll(Mailbox mailbox, String recipient, Instant since, Predicate<MailMessage> wanted) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + wait.timeout().toNanos();
        int polls = 0;
        String lastFailure = null;
        boolean answered = false;
        while (true) {
            long pollStart = System.nanoTime();
            polls++;
            try {
                Optional<MailMessage> m = mailbox.newest(recipient, since);
                answered = true;
                if (m.isPresent() && wanted.test(m.get())) {
                    return new Outcome(m.get(), polls, Duration.ofNanos(System.nanoTime() - start), clock.instant(), lastFailure, true);
                }
            } catch (MailboxException e) {
                lastFailure = e.getMessage();
                if (!e.retry()) {
                    // Reported as a mailbox that cannot be read, once, rather than as mail that never came.
                    return new Outcome(null, polls, Duration.ofNanos(System.nanoTime() - start), null, lastFailure, false);
                }
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                return new Outcome(null, polls, Duration.ofNanos(now - start), null, lastFailure, answered);
            }
            // The interval runs from the start of a poll, so a slow mailbox does not stretch it.
            long pause = Math.min(wait.pollInterval().toNanos() - (now - pollStart), deadline - now);
            if (pause > 0) {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            }
        }
    }
}
