package io.jenkins.plugins.deploysteps.engine.report;

/** How much a failed check matters: {@code warning} turns FAIL into WARN, so the build goes UNSTABLE, not red. */
public enum Severity {
    FAILURE("failure"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
