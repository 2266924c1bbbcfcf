package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The downtime probe's request loop run where the step runs (the agent) rather than on the host: for a URL users reach
 * from outside, through the same way in as theirs. One daemon thread requests the URL, records each request's start
 * and status (0 when nothing answered) and pauses; it ends when stopped or at its deadline, so a step that dies leaves
 * nothing running for longer than that.
 */
final class AgentDowntimeLoop {
    private final DowntimeSettings settings;
    private final Http http;
    private final List<DowntimeSamples.Sample> samples = new ArrayList<>();
    private volatile boolean stopped;
    private Thread thread;

    AgentDowntimeLoop(DowntimeSettings settings) throws GeneralSecurityException {
        this.settings = settings;
        this.http = new Http(TrustSource.JVM);
    }

    /**
     * Sends a first request and, when something answered it, starts the loop; else says why the URL cannot be
     * measured from here (nothing is started then).
     */
    String start(Duration deadline) throws InterruptedException {
        String unreachable = request(true);
        if (unreachable != null) {
            return unreachable;
        }
        long end = System.nanoTime() + deadline.toNanos();
        thread = new Thread(() -> {
            try {
                while (!stopped && System.nanoTime() < end) {
                    Thread.sleep(settings.interval().toMillis());
                    if (!stopped) {
                        request(false);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "downtime probe " + settings.url());
        thread.setDaemon(true);
        thread.start();
        return null;
    }

    /** One request, recorded; with {@code first}, why nothing answered (null when something did). */
    private String request(boolean first) throws InterruptedException {
        Instant at = Instant.now();
        int status;
        String failure = null;
        try {
            status = http.exchange(HttpRequestSpec.get(settings.url(), settings.requestTimeout())).status();
        } catch (HttpFailure e) {
            status = 0;
            failure = e.getMessage();
        }
        synchronized (samples) {
            samples.add(new DowntimeSamples.Sample(at, status));
        }
        return first ? failure : null;
    }

    /** Stops the loop, waiting for its last request (bounded by the request timeout), and returns what it saw. */
    DowntimeSamples stop() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(settings.requestTimeout().plusSeconds(1).toMillis());
        }
        synchronized (samples) {
            return new DowntimeSamples(samples, settings.expect());
        }
    }
}
