package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * What the downtime probe requests and what counts as an outage.
 *
 * @param url requested from the host, as users' requests reach it (through nginx, say)
 * @param interval the pause between two requests
 * @param requestTimeout how long one request may take before it counts as failed
 * @param expect the statuses that count as served; anything else, or no answer, is a failed request
 * @param maxDowntime null: measured and reported only; else a longer outage fails the check
 * @param severity {@code warning}: an outage over budget is WARN, not FAIL
 * @param from where the requests are sent from
 */
public record DowntimeSettings(URI url, Duration interval, Duration requestTimeout, StatusExpectation expect, Duration maxDowntime,
        Severity severity, From from) implements Serializable {

    /** Where the probe requests the URL from. */
    public enum From {
        /** The host, over the step's SSH connection: a URL only the host reaches (its own nginx on 127.0.0.1). */
        HOST,
        /** Where the step runs (the agent): a URL users reach from outside, through the same way in as theirs. */
        AGENT;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DowntimeSettings(URI url, Duration interval, Duration requestTimeout, StatusExpectation expect, Duration maxDowntime,
            Severity severity) {
        this(url, interval, requestTimeout, expect, maxDowntime, severity, From.HOST);
    }
}
