package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
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

    /** Each problem on one line and bounded, like every message printed: a key with a line break must not forge output. */
    public PlanException(List<String> problems) {
        super(String.join("\n", printable(problems)));
        this.problems = printable(problems);
    }

    private static List<String> printable(List<String> problems) {
        return problems.stream().map(p -> PrintableText.bounded(p, PrintableText.MESSAGE_LIMIT)).toList();
    }

    public List<String> problems() {
        return problems;
    }
}
