package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.testing.Recording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step's time went, read from its progress log: per check, the wait before it began (a drain, a health poll
 * that ends in the check) and how long it ran, and what followed the last one. Collected over rounds, it prints the
 * medians, so a benchmark can say which phase a total comes from.
 */
final class StepTimeline {
    private static final Pattern STARTED = Pattern.compile("\\[check] (.*) \\.\\.\\.");
    private static final Pattern FINISHED = Pattern.compile("\\[(PASS|WARN|FAIL|ERROR|SKIP)] (.*?) \\(.*");
    private static final String AFTER = "(after the last check)";

    /** Per check name, the milliseconds waited before it and spent in it, one entry per round. */
    private final Map<String, List<long[]>> parts = new LinkedHashMap<>();

    /** Adds one run's log, timed from its first line to its last. */
    void add(Recording log) {
        List<Recording.Line> lines = log.lines();
        if (lines.isEmpty()) {
            return;
        }
        long previousEnd = lines.get(0).nanos();
        String open = null;
        long openedAt = 0;
        for (Recording.Line l : lines) {
            Matcher started = STARTED.matcher(l.text());
            Matcher finished = FINISHED.matcher(l.text());
            if (started.matches()) {
                open = started.group(1);
                openedAt = l.nanos();
            } else if (finished.matches()) {
                String name = finished.group(2);
                long from = name.equals(open) ? openedAt : l.nanos();
                parts.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[] {ms(from - previousEnd), ms(l.nanos() - from)});
                previousEnd = l.nanos();
                open = null;
            }
        }
        parts.computeIfAbsent(AFTER, k -> new ArrayList<>()).add(new long[] {0, ms(lines.get(lines.size() - 1).nanos() - previousEnd)});
    }

    /** The medians, one line per check, in the order the first round ran them; checks that took under {@code minMs} in all are left out. */
    void print(String title, long minMs) {
        System.out.printf(Locale.ROOT, "%n%s (medians, ms)%n  %8s %8s  %s%n", title, "waited", "ran", "check");
        parts.forEach((name, rounds) -> {
            double waited = DowntimeBenchmark.median(rounds.stream().map(p -> p[0]).toList());
            double ran = DowntimeBenchmark.median(rounds.stream().map(p -> p[1]).toList());
            if (waited + ran >= minMs) {
                System.out.printf(Locale.ROOT, "  %8.0f %8.0f  %s%n", waited, ran, name);
            }
        });
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
