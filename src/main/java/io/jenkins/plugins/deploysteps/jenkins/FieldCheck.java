package io.jenkins.plugins.deploysteps.jenkins;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The form check of one field, reached at {@code <descriptor>/field/<name>/check}: the field's text becomes the
 * value its declaration reads (a list field one entry per line, a map field one {@code key<separator>value} per
 * line) and is bound by the engine, so the form says exactly what a build would. One path for every field instead
 * of a method per field.
 *
 * <p>A field's {@code config.jelly} entry points its {@code checkUrl} here, under
 * {@code ${descriptor.descriptorFullUrl}} (the URL Jenkins' own {@code doCheck} methods are reached under, so the job
 * is the request's ancestor). A rule that compares two fields ({@code maxInterval} against {@code interval}) gets
 * the other one through {@code checkDependsOn}: declared fields sent with the value are bound next to it. A field
 * named {@code host} names a configured Deploy host and is checked against them.
 */
public final class FieldCheck {
    /** The engine's problem with a field's value, bound next to the {@code others} the form sent; empty when it is fine. */
    @FunctionalInterface
    private interface Binding {
        Optional<String> problem(Object value, Map<String, Object> others);
    }

    private final Param<?> param;
    private final ParamSet declared;
    private final Binding binding;
    private final String mapSeparator;

    private FieldCheck(Param<?> param, ParamSet declared, Binding binding, String mapSeparator) {
        this.param = param;
        this.declared = declared;
        this.binding = binding;
        this.mapSeparator = mapSeparator;
    }

    /**
     * The check of the step's field {@code name}, bound next to {@code minimal} (the smallest valid set of the
     * step's parameters); empty for an undeclared name.
     *
     * @param mapSeparator between key and value in a map field's lines
     */
    public static Optional<FieldCheck> of(StepDefinition<?> step, Map<String, Object> minimal, String name, String mapSeparator) {
        ParamSet declared = step.declarations();
        return declared.get(name).map(p -> new FieldCheck(p, declared, (v, others) -> StepForms.problem(step, StepForms.with(minimal, others), name, v),
                mapSeparator));
    }

    /**
     * The check of field {@code name} of the step's nested settings {@code parentName} (a map such as {@code tls}, or
     * a list of maps such as {@code checks}), bound as their only element next to {@code minimal} and the step's
     * {@code minimalStep}; empty for an undeclared name.
     */
    public static Optional<FieldCheck> ofSetting(StepDefinition<?> step, Map<String, Object> minimalStep, String parentName,
            Map<String, Object> minimal, String name, String mapSeparator) {
        Param<?> parent = step.declarations().get(parentName).orElseThrow(() -> new IllegalArgumentException(step.name() + " has no " + parentName));
        boolean list = parent.kind() == Param.Kind.SETTINGS_LIST;
        return parent.nested().get(name).map(p -> new FieldCheck(p, parent.nested(), (v, others) -> list
                ? StepForms.problemInList(step, minimalStep, parentName, StepForms.with(minimal, others), name, v)
                : StepForms.problemInMap(step, minimalStep, parentName, StepForms.with(minimal, others), name, v), mapSeparator));
    }

    /** The check of a one-line field that is not a step parameter (a Deploy hosts entry's), by the engine's rule for it. */
    public static FieldCheck ofText(String name, Function<String, Optional<String>> rule) {
        return new FieldCheck(Param.string(name), ParamSet.of(), (v, others) -> rule.apply((String) v), "");
    }

    @POST
    public FormValidation doCheck(@AncestorInPath Item item, @QueryParameter String value, StaplerRequest2 request) {
        Map<String, String> others = new LinkedHashMap<>();
        for (String name : declared.names()) {
            String text = request == null || name.equals(param.name()) ? null : request.getParameter(name);
            if (text != null && !text.isBlank()) {
                others.put(name, text);
            }
        }
        return check(item, value, others);
    }

    /** What {@link #doCheck} answers, given the other fields' texts. */
    public FormValidation check(Item item, String value, Map<String, String> others) {
        return namesADeployHost() ? FormChoices.hostCheck(item, value) : FormChecks.toValidation(problem(value, others));
    }

    /** Whether the field names a configured Deploy host: the engine cannot know which hosts Jenkins has. */
    public boolean namesADeployHost() {
        return namesADeployHost(param.name());
    }

    /** A field called {@code host} names a configured Deploy host, wherever it is. */
    public static boolean namesADeployHost(String field) {
        return field.equals("host");
    }

    /** What the engine says about the field's text; empty when it is fine. */
    public Optional<String> problem(String value) {
        return problem(value, Map.of());
    }

    /** As {@link #problem(String)}, bound next to the other fields' texts. */
    public Optional<String> problem(String value, Map<String, String> others) {
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            others.forEach((name, text) -> declared.get(name).ifPresent(p -> values.put(name, fromText(p, text))));
            return binding.problem(fromText(param, value), values);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Object fromText(Param<?> p, String text) {
        return switch (p.kind()) {
            case LIST -> StepForms.lines(text);
            case MAP -> StepForms.entries(text, mapSeparator);
            default -> text;
        };
    }
}
