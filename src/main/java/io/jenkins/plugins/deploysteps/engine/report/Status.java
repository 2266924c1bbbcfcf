package io.jenkins.plugins.deploysteps.engine.report;

/** The result of one check, as Hurl reports an assert: it held, it did not, or it could not be evaluated. */
public enum Status {
    /** The check ran and held. */
    PASS,
    /** The check ran and did not hold, but its severity is {@code warning}: the build becomes UNSTABLE. */
    WARN,
    /** The check ran and did not hold. */
    FAIL,
    /** The check could not run (connection refused, timeout, DNS): nothing is known about what it checks. */
    ERROR,
    /** The check was not run, usually because an earlier one it depends on failed. */
    SKIP;

    public boolean isProblem() {
        return this == WARN || this == FAIL || this == ERROR;
    }
}
