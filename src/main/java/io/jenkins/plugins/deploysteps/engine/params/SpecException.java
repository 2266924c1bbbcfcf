package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;

/**
 * Bad step input, found before anything touches a host. The message always starts with the name of the
 * parameter at fault, so a user can fix a Jenkinsfile or plan without reading code.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** Both parts are put on one line and bounded: a value with a line break must not forge a log line of its own. */
    public SpecException(String field, String problem) {
        super(PrintableText.bounded(field, PrintableText.QUOTE_LIMIT) + ": " + PrintableText.bounded(problem, PrintableText.MESSAGE_LIMIT));
        this.field = PrintableText.bounded(field, PrintableText.QUOTE_LIMIT);
    }

    /** The parameter at fault, as the user wrote it ({@code checks[2].url} for nested values). */
    public String field() {
        return field;
    }

    /** The message without the leading field name. */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
