package io.jenkins.plugins.deploysteps.engine.gate;

/** A step's {@code onFailure}: what a FAIL or ERROR does to the build. */
public enum FailurePolicy {
    /** The default: reports are written, then the step fails. */
    FAILURE,
    /** The step marks the build UNSTABLE and returns, so later stages still run. */
    UNSTABLE;

    public Outcome outcome() {
        return this == FAILURE ? Outcome.FAILURE : Outcome.UNSTABLE;
    }
}
