package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;

/** A plan that cannot run. The message names the file, where in it (step or host), and the field. */
public class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    /** On one line and bounded, like every message printed: a key with a line break must not forge output. */
    public PlanException(String message) {
        super(PrintableText.bounded(message, PrintableText.MESSAGE_LIMIT));
    }
}
