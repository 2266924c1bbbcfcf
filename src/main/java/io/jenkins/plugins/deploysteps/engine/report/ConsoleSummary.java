package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.util.ArrayList;
import java.util.List;

/** The few lines a build log shows at the end of a step: the verdict, the counts, and every check that needs a look. */
public final class ConsoleSummary {
    public List<String> render(Report r) {
        List<String> lines = new ArrayList<>();
        String named = r.name().equals(r.step()) ? r.step() : r.step() + " '" + r.name() + "'";
        lines.add(named + " on " + r.target() + ": " + r.verdict().outcome() + " in " + Durations.human(r.duration()) + " (" + counts(r) + ")");
        for (String w : r.warnings()) {
            lines.add("  WARNING " + w);
        }
        for (Check c : r.checks()) {
            if (!c.status().isProblem()) {
                continue;
            }
            StringBuilder b = new StringBuilder(String.format("  %-5s %s", c.status(), c.name()));
            if (c.message() != null) {
                b.append(": ").append(c.message());
            }
            if (c.expected() != null || c.actual() != null) {
                b.append(" (expected ").append(c.expected() == null ? "-" : c.expected())
                        .append(", actual ").append(c.actual() == null ? "-" : c.actual()).append(')');
            }
            lines.add(b.toString());
        }
        return lines;
    }

    /** {@code 12 passed, 1 warning, 1 error}: the kinds that occurred, each counted in words that read as English. */
    static String counts(Report r) {
        List<String> parts = new ArrayList<>();
        count(parts, r.count(Status.PASS), "passed", "passed");
        count(parts, r.count(Status.WARN), "warning", "warnings");
        count(parts, r.count(Status.FAIL), "failed", "failed");
        count(parts, r.count(Status.ERROR), "error", "errors");
        count(parts, r.count(Status.SKIP), "skipped", "skipped");
        return parts.isEmpty() ? "no checks" : String.join(", ", parts);
    }

    private static void count(List<String> parts, long n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }
}
