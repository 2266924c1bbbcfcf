package io.jenkins.plugins.deploysteps.jenkins;

import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.util.Map;
import org.kohsuke.stapler.QueryParameter;

/**
 * The form check of one field of a step, reached at {@code <descriptor>/field/<name>/check}: the value is bound
 * through the engine's declaration of the parameter, next to the step's smallest valid set of other parameters,
 * so the form says exactly what a build would. One path for every field instead of a method per field; a field's
 * {@code config.jelly} entry points its {@code checkUrl} here.
 */
public final class FieldCheck {
    private final StepDefinition<?> step;
    private final Map<String, Object> minimal;
    private final Param<?> param;

    public FieldCheck(StepDefinition<?> step, Map<String, Object> minimal, Param<?> param) {
        this.step = step;
        this.minimal = minimal;
        this.param = param;
    }

    public FormValidation doCheck(@QueryParameter String value) {
        return FormChecks.toValidation(problem(value));
    }

    /** What the engine says about {@code value} (a list field's text as one entry per line); empty when it is fine. */
    public java.util.Optional<String> problem(String value) {
        Object bound = param.kind() == Param.Kind.LIST ? StepForms.lines(value) : value;
        return StepForms.problem(step, minimal, param.name(), bound);
    }
}
