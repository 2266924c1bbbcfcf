package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.time.Duration;

/**
 * The bounds on waiting.
 *
 * @param command each quick remote command (listing containers, reading a file, tagging)
 * @param compose each compose down, pull, build and up
 * @param lockWait how long to wait for another deploy's lock on the same directory
 */
public record ComposeTimeouts(Duration command, Duration compose, Duration lockWait) implements Serializable {

    /**
     * How long a lock outlives a deploy that lost its connection before the next deploy may take it over: the
     * longest this deploy could legitimately hold it (four compose commands, a wait, a rollback's wait).
     */
    public Duration lease(VerifySettings verify) {
        return compose.multipliedBy(4).plus(verify.waitTimeout().multipliedBy(2)).plus(command.multipliedBy(20));
    }
}
