package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.util.ArrayList;
import java.util.List;

/** The few lines a build log shows at the end of a step: the verdict, the counts, and every check that needs a look. */
public final class ConsoleSummary {
    public List<String> render(Report r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s '%s' on %s: %s in %s (%d passed, %d warned, %d failed, %d errors, %d skipped)",
                r.step(), r.name(), r.target(), r.verdict().outcome(), Durations.human(r.duration()),
                r.count(Status.PASS), r.count(Status.WARN), r.count(Status.FAIL), r.count(Status.ERROR), r.count(Status.SKIP)));
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
}
