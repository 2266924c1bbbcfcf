package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the downtime probe saw: each request's start (host clock) and status, and from them the outages. An outage
 * runs from the first failed request to the next one that was served; one still going when the probe stopped ends
 * at the last request. Measured that way it is within one interval of the real gap.
 */
record DowntimeSamples(List<Sample> samples, StatusExpectation expect) {
    record Sample(Instant at, int status) {}

    /** One outage: when it began (host clock), how long it lasted, how many requests failed in it. */
    record Outage(Instant from, Duration length, int failed, boolean ongoing) {}

    DowntimeSamples {
        samples = List.copyOf(samples);
    }

    /** Reads the probe's lines ({@code <epoch nanoseconds> <status>}); lines it cannot read (a cut-off last line) are skipped. */
    static DowntimeSamples parse(String output, StatusExpectation expect) {
        List<Sample> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2 && f[0].matches("\\d{10,}") && f[1].matches("\\d{3}")) {
                out.add(new Sample(ContainerState.epoch(f[0]), Integer.parseInt(f[1])));
            }
        }
        out.sort(java.util.Comparator.comparing(Sample::at));
        return new DowntimeSamples(out, expect);
    }

    boolean served(Sample s) {
        return s.status() != 0 && expect.accepts(s.status());
    }

    int sent() {
        return samples.size();
    }

    int failed() {
        return (int) samples.stream().filter(s -> !served(s)).count();
    }

    List<Outage> outages() {
        List<Outage> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < samples.size(); i++) {
            boolean ok = served(samples.get(i));
            if (!ok && start < 0) {
                start = i;
            } else if (ok && start >= 0) {
                out.add(new Outage(samples.get(start).at(), Duration.between(samples.get(start).at(), samples.get(i).at()), i - start, false));
                start = -1;
            }
        }
        if (start >= 0) {
            Sample last = samples.get(samples.size() - 1);
            out.add(new Outage(samples.get(start).at(), Duration.between(samples.get(start).at(), last.at()), samples.size() - start, true));
        }
        return out;
    }

    /** The longest outage, or null when every request was served. */
    Outage longest() {
        return outages().stream().max(java.util.Comparator.comparing(Outage::length)).orElse(null);
    }

    /** Requests per status, for the evidence: {@code 200: 140, 502: 3, no answer: 2}. */
    String statusCounts() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        samples.forEach(s -> counts.merge(s.status() == 0 ? "no answer" : Integer.toString(s.status()), 1, Integer::sum));
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }
}
