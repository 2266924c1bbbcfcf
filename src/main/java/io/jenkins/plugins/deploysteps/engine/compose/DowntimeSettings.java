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
 */
public record DowntimeSettings(URI url, Duration interval, Duration requestTimeout, StatusExpectation expect, Duration maxDowntime,
        Severity severity) implements Serializable {}
