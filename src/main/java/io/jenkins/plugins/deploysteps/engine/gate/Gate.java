package io.jenkins.plugins.deploysteps.engine.gate;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns check results into a build outcome: any FAIL or ERROR applies the step's {@link FailurePolicy};
 * otherwise any WARN makes the build UNSTABLE; otherwise it succeeded. Skipped checks count for nothing.
 */
public final class Gate {
    private Gate() {}

    public static Verdict evaluate(List<Check> checks, FailurePolicy onFailure) {
        List<Check> failed = checks.stream().filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR).toList();
        if (!failed.isEmpty()) {
            return new Verdict(onFailure.outcome(), summarize(failed, "failed"));
        }
        List<Check> warned = checks.stream().filter(c -> c.status() == Status.WARN).toList();
        if (!warned.isEmpty()) {
            return new Verdict(Outcome.UNSTABLE, summarize(warned, "warned"));
        }
        long passed = checks.stream().filter(c -> c.status() == Status.PASS).count();
        return new Verdict(Outcome.SUCCESS, passed + " of " + checks.size() + " checks passed");
    }

    private static String summarize(List<Check> checks, String verb) {
        String first = checks.get(0).name() + (checks.get(0).message() == null ? "" : " (" + checks.get(0).message() + ")");
        String rest = checks.size() > 1
                ? " and " + (checks.size() - 1) + " more: " + checks.stream().skip(1).map(Check::name).collect(Collectors.joining(", "))
                : "";
        return checks.size() + (checks.size() == 1 ? " check " : " checks ") + verb + ": " + first + rest;
    }
}
