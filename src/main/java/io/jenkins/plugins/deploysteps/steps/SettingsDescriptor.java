package io.jenkins.plugins.deploysteps.steps;

import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import java.util.Map;

/**
 * The descriptor of a step's nested settings (a check of healthVerify's {@code checks}, its {@code tls} map): the
 * fields are the nested declarations of one parameter, each checked by the engine's binding at
 * {@code <descriptor>/field/<name>/check}, as the step's own fields are.
 */
public abstract class SettingsDescriptor<T extends Describable<T>> extends Descriptor<T> {
    private final StepDefinition<?> step;
    private final Map<String, Object> minimalStep;
    private final String parent;
    private final Map<String, Object> minimal;
    private final Map<String, Map<String, Object>> minimalFor;

    /**
     * @param parent the step's parameter these settings are (a map, or a list of maps)
     * @param minimalStep the smallest valid set of the step's other parameters
     * @param minimal the smallest valid set of the other settings, next to which one field is checked
     * @param minimalFor the smallest valid set for the fields that need another one than {@code minimal}
     */
    protected SettingsDescriptor(StepDefinition<?> step, Map<String, Object> minimalStep, String parent, Map<String, Object> minimal,
            Map<String, Map<String, Object>> minimalFor) {
        this.step = step;
        this.minimalStep = Map.copyOf(minimalStep);
        this.parent = parent;
        this.minimal = Map.copyOf(minimal);
        this.minimalFor = Map.copyOf(minimalFor);
    }

    protected SettingsDescriptor(StepDefinition<?> step, Map<String, Object> minimalStep, String parent, Map<String, Object> minimal) {
        this(step, minimalStep, parent, minimal, Map.of());
    }

    /** The check of a declared field; an undeclared name is not found. */
    public FieldCheck getField(String name) {
        return FieldCheck.ofSetting(step, minimalStep, parent, minimal(name), name, mapSeparator(name)).orElse(null);
    }

    /** The smallest valid set of the other settings next to which {@code field} is checked (settings whose kinds need different ones). */
    protected Map<String, Object> minimal(String field) {
        return minimalFor.getOrDefault(field, minimal);
    }

    /** Between key and value in the lines of a map field's textarea. */
    protected String mapSeparator(String field) {
        return StepForms.HEADER_SEPARATOR;
    }
}
