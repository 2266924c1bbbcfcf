package io.jenkins.plugins.deploysteps.cli;

/** A plan that cannot run. The message names the file, where in it (step or host), and the field. */
public class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
