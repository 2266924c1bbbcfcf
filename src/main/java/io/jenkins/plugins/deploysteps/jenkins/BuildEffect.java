package io.jenkins.plugins.deploysteps.jenkins;

import io.jenkins.plugins.deploysteps.engine.report.Report;

/**
 * What a step's report does to the build, decided without touching Jenkins so it can be tested on its own:
 * nothing, UNSTABLE (build and stage), or fail the step with a one-line reason.
 *
 * @param message the line the build log shows, naming the step, the report and the reason
 */
public record BuildEffect(Kind kind, String message) {
    public enum Kind {
        NONE,
        UNSTABLE,
        FAIL
    }

    public static BuildEffect of(Report report) {
        String message = report.step() + " '" + report.name() + "' on " + report.target() + ": " + report.verdict().reason();
        return switch (report.verdict().outcome()) {
            case SUCCESS -> new BuildEffect(Kind.NONE, message);
            case UNSTABLE -> new BuildEffect(Kind.UNSTABLE, message);
            case FAILURE -> new BuildEffect(Kind.FAIL, message);
        };
    }
}
