package io.jenkins.plugins.deploysteps.jenkins;

import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import java.util.Optional;
import java.util.function.Function;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form check of one field, reached at {@code <descriptor>/field/<name>/check}: the field's text becomes the
 * value its declaration reads (a list field one entry per line, a map field one {@code key<separator>value} per
 * line) and is bound by the engine, so the form says exactly what a build would. One path for every field instead
 * of a method per field; a field's {@code config.jelly} entry points its {@code checkUrl} here.
 */
public final class FieldCheck {
    private final Param.Kind kind;
    private final Function<Object, Optional<String>> engine;
    private final String mapSeparator;

    /**
     * @param engine the engine's problem with a value of this field (bound next to the smallest valid set of the
     *     others); empty when it is fine
     * @param mapSeparator between key and value in a map field's lines
     */
    public FieldCheck(Param<?> param, Function<Object, Optional<String>> engine, String mapSeparator) {
        this(param.kind(), engine, mapSeparator);
    }

    private FieldCheck(Param.Kind kind, Function<Object, Optional<String>> engine, String mapSeparator) {
        this.kind = kind;
        this.engine = engine;
        this.mapSeparator = mapSeparator;
    }

    /** The check of a one-line field that is not a step parameter (a Deploy hosts entry's), by the engine's rule for it. */
    public static FieldCheck ofText(Function<String, Optional<String>> rule) {
        return new FieldCheck(Param.Kind.VALUE, v -> rule.apply((String) v), "");
    }

    @POST
    public FormValidation doCheck(@QueryParameter String value) {
        return FormChecks.toValidation(problem(value));
    }

    /** What the engine says about the field's text; empty when it is fine. */
    public Optional<String> problem(String value) {
        try {
            return engine.apply(switch (kind) {
                case LIST -> StepForms.lines(value);
                case MAP -> StepForms.entries(value, mapSeparator);
                default -> value;
            });
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
