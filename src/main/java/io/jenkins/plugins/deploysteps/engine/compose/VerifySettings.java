package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a deploy (or rollback) decides the services are up, and which logs it keeps.
 *
 * @param services the services to deploy and verify; empty: every service a plain {@code up} starts
 * @param waitTimeout how long the containers get to be running, healthy and stable
 * @param stableFor how long each container must have been running without a restart to count
 * @param logsTail lines of each service's log kept in the report (on failure at least {@link #FAILURE_TAIL})
 */
public record VerifySettings(
        List<String> services,
        Duration waitTimeout,
        Duration stableFor,
        int logsTail,
        List<Pattern> failOnLogPattern,
        List<Pattern> warnOnLogPattern)
        implements Serializable {
    public static final int FAILURE_TAIL = 50;

    public VerifySettings {
        services = List.copyOf(services);
        failOnLogPattern = List.copyOf(failOnLogPattern);
        warnOnLogPattern = List.copyOf(warnOnLogPattern);
    }
}
