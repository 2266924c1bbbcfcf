package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency of repeated requests: min, median, 95th percentile (nearest rank) and max. */
public record LatencyStats(int samples, Duration min, Duration median, Duration p95, Duration max) {

    public static LatencyStats of(List<Duration> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Duration> s = new ArrayList<>(times);
        Collections.sort(s);
        int n = s.size();
        Duration median = n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).plus(s.get(n / 2)).dividedBy(2);
        int rank = (int) Math.ceil(0.95 * n);
        return new LatencyStats(n, s.get(0), median, s.get(Math.max(0, rank - 1)), s.get(n - 1));
    }

    public AssertionResult p95AtMost(Duration limit) {
        return AssertionResult.of("p95 latency", "<= " + Durations.format(limit), p95.toMillis() + " ms of " + samples + " requests",
                p95.compareTo(limit) <= 0);
    }

    @Override
    public String toString() {
        return samples + " requests: min " + min.toMillis() + " ms, median " + median.toMillis() + " ms, p95 " + p95.toMillis()
                + " ms, max " + max.toMillis() + " ms";
    }
}
