package io.jenkins.plugins.deploysteps.engine.report;

import java.util.Locale;

/** How much a failed check matters: {@code warning} turns FAIL into WARN, so the build goes UNSTABLE, not red. */
public enum Severity {
    FAILURE,
    WARNING;

    /** As a Jenkinsfile and a plan write it: {@code warning}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
