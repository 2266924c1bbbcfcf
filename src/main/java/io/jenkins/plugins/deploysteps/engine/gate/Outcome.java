package io.jenkins.plugins.deploysteps.engine.gate;

/** What a step's checks mean for the build, in Jenkins' own terms. */
public enum Outcome {
    SUCCESS,
    UNSTABLE,
    FAILURE;

    public Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** CLI exit codes: 0 success, 2 unstable, 1 failure (64 is bad usage, decided before any step runs). */
    public int exitCode() {
        return switch (this) {
            case SUCCESS -> 0;
            case UNSTABLE -> 2;
            case FAILURE -> 1;
        };
    }
}
