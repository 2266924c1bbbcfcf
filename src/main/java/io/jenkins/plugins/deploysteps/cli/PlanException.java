package io.jenkins.plugins.deploysteps.cli;

import java.util.List;

/**
 * A plan that cannot run. Each problem names the file, where in it (step or host), and the field; a plan with
 * several bad entries reports all of them at once, one per line.
 */
public class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PlanException(String message) {
        this(List.of(message));
    }

    public PlanException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
