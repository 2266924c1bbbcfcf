package io.jenkins.plugins.deploysteps.jenkins;

import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.json.JSONObject;

/**
 * What step descriptors share for the Snippet Generator: field checks that run the engine's own binding (so
 * the form says exactly what a build would), and the form's texts as the values the engine reads (list fields one
 * line per entry, map fields one {@code key<separator>value} per line, Jenkinsfile numbers as text).
 */
public final class StepForms {
    /** Separators of map textareas: request and expected headers ({@code Name: value}), and JSONPath expectations. */
    public static final String HEADER_SEPARATOR = ": ";
    public static final String JSON_SEPARATOR = " = ";

    private StepForms() {}

    /**
     * The problem the engine finds with one field's value, binding it next to {@code minimal}, the smallest
     * valid set of the step's other parameters. Problems with other fields are not this field's business.
     */
    public static Optional<String> problem(StepDefinition<?> step, Map<String, Object> minimal, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>(minimal);
        params.put(field, value);
        try {
            step.bind(Params.of(params));
            return Optional.empty();
        } catch (SpecException e) {
            boolean ours = e.field().equals(field) || e.field().startsWith(field + "[") || e.field().startsWith(field + ".");
            return ours ? Optional.of(e.problem()) : Optional.empty();
        }
    }

    /** {@code minimal} with {@code others} in place of (or beside) its values: the parameters a field is bound next to. */
    public static Map<String, Object> with(Map<String, Object> minimal, Map<String, Object> others) {
        Map<String, Object> params = new LinkedHashMap<>(minimal);
        params.putAll(others);
        return params;
    }

    public static FormValidation check(StepDefinition<?> step, Map<String, Object> minimal, String field, Object value) {
        return FormChecks.toValidation(problem(step, minimal, field, value));
    }

    /** A textarea with one entry per line, as the list it stands for. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
        }
        return out;
    }

    /** The reverse of {@link #lines(String)}, for showing a list in a textarea. */
    public static String text(List<String> lines) {
        return lines == null ? "" : String.join("\n", lines);
    }

    /**
     * The engine's problem with one field of one element of a list parameter ({@code checks[0].expectJson}), bound
     * as the only element next to {@code minimalElement} and the step's {@code minimal} parameters. The answer is
     * the problem without the parameter's path, as the field's own form shows it.
     */
    public static Optional<String> problemInList(StepDefinition<?> step, Map<String, Object> minimal, String listField,
            Map<String, Object> minimalElement, String field, Object value) {
        return problemIn(step, minimal, listField, true, minimalElement, field, value);
    }

    /** As {@link #problemInList}, for a field of a map parameter ({@code tls.warnDays}). */
    public static Optional<String> problemInMap(StepDefinition<?> step, Map<String, Object> minimal, String mapField,
            Map<String, Object> minimalMap, String field, Object value) {
        return problemIn(step, minimal, mapField, false, minimalMap, field, value);
    }

    private static Optional<String> problemIn(StepDefinition<?> step, Map<String, Object> minimal, String parent, boolean list,
            Map<String, Object> minimalElement, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> element = new LinkedHashMap<>(minimalElement);
        element.put(field, value);
        Map<String, Object> params = new LinkedHashMap<>(minimal);
        params.put(parent, list ? List.of(element) : element);
        String path = parent + (list ? "[0]." : ".") + field;
        try {
            step.bind(Params.of(params));
            return Optional.empty();
        } catch (SpecException e) {
            return e.field().equals(path) || e.field().startsWith(path + "[") ? Optional.of(e.problem()) : Optional.empty();
        }
    }

    /**
     * A textarea with one {@code key<separator>value} entry per line (request headers as {@code Name: value}, JSONPath
     * expectations as {@code $.status = ok}), as the map it stands for, in order.
     *
     * @throws IllegalArgumentException naming the line that has no separator
     */
    public static Map<String, String> entries(String text, String separator) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            // The separator with its blanks first: a JSONPath filter may hold '==' before ' = '.
            int at = line.indexOf(separator);
            int length = separator.length();
            if (at < 0) {
                at = line.indexOf(separator.strip());
                length = separator.strip().length();
            }
            if (at <= 0) {
                throw new IllegalArgumentException("line " + n + " ('" + line.strip() + "') is not 'key" + separator + "value'");
            }
            out.put(line.substring(0, at).strip(), line.substring(at + length).strip());
        }
        return out;
    }

    /** The reverse of {@link #entries}, for showing a map in a textarea. */
    public static String entriesText(Map<String, ?> map, String separator) {
        if (map == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        map.forEach((k, v) -> lines.add(k + separator + v));
        return String.join("\n", lines);
    }

    /** Binds the rest of a form: a descriptor's own {@code newInstance}. */
    @FunctionalInterface
    public interface FormBinding<T> {
        T bind(JSONObject formData) throws Descriptor.FormException;
    }

    /**
     * Binds the form of a step or of its settings, whose fields are {@code declared}: list textareas become lists, and map
     * textareas (which a form does not bind) become maps handed to their setters once {@code binding} bound the rest.
     *
     * @param separator between key and value in the lines of a map field's textarea
     */
    public static <T> T bind(JSONObject formData, ParamSet declared, Function<String, String> separator, FormBinding<T> binding)
            throws Descriptor.FormException {
        Map<String, Map<String, String>> maps = takeEntries(formData, separator, names(declared, Param.Kind.MAP));
        T bound = binding.bind(listFields(formData, names(declared, Param.Kind.LIST)));
        maps.forEach((field, map) -> StepParams.set(bound, field, map));
        return bound;
    }

    /** The declared fields of one kind (the lists, the maps). */
    static String[] names(ParamSet declared, Param.Kind kind) {
        return declared.all().stream().filter(p -> p.kind() == kind).map(Param::name).toArray(String[]::new);
    }

    /** Replaces the form's textarea values of list fields with lists, before the descriptor binds the form. */
    public static JSONObject listFields(JSONObject formData, String... fields) {
        for (String field : fields) {
            Object value = formData.get(field);
            if (value instanceof String s) {
                formData.put(field, lines(s));
            }
        }
        return formData;
    }

    /** A map whose values may be numbers or booleans in a Jenkinsfile, as one of strings (null stays null). */
    public static Map<String, String> texts(Map<?, ?> in) {
        return texts(in, null);
    }

    /** As {@link #texts(Map)}, with {@code nullAs} standing for a null value. */
    public static Map<String, String> texts(Map<?, ?> in, String nullAs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(String.valueOf(k), v == null ? nullAs : String.valueOf(v)));
        }
        return out;
    }

    /** The status fields: {@code expectStatus}, {@code expectSendStatus}, ... ; all are text in the steps' classes. */
    private static final Pattern STATUS_FIELD = Pattern.compile("expect[A-Za-z]*Status");

    /**
     * A copy of Jenkinsfile arguments in which every status field given as {@code 200} or {@code [200, 204]} is text, as
     * the setters take it; structs would otherwise fail on a number for a String property.
     */
    public static Map<String, Object> statusAsText(Map<String, Object> arguments) {
        Map<String, Object> out = new LinkedHashMap<>(arguments);
        out.replaceAll((field, value) -> !STATUS_FIELD.matcher(field).matches() || value == null || value instanceof String ? value
                : value instanceof Collection<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value));
        return out;
    }

    /**
     * A Jenkinsfile map of a list element (a check) as its setters take it: a key that is not {@code declared} is
     * refused by name (with the closest declared one) instead of being dropped with a warning in the log,
     * {@code expectStatus: 200} or {@code [200, 204]} becomes text, and the values of map fields become text.
     */
    public static Map<String, Object> pipelineMap(Map<String, Object> arguments, ParamSet declared) {
        refuseUndeclared(Params.of(arguments), declared);
        Map<String, Object> out = statusAsText(arguments);
        for (String m : names(declared, Param.Kind.MAP)) {
            if (out.get(m) instanceof Map<?, ?> map) {
                out.put(m, texts(map));
            }
        }
        return out;
    }

    /**
     * Refuses a key of the Jenkinsfile map given for the nested parameter {@code field} that its nested declarations do not
     * have, by its path ({@code verifyMagicLink.reportName}) and with the closest declared name. Needed where the field's
     * Jenkins class has more properties than those (a whole step class), which structs would bind without a word.
     *
     * @param declared the step's declarations, among them {@code field}'s
     */
    public static void refuseUndeclared(Map<String, Object> arguments, ParamSet declared, String field) {
        ParamSet nested = declared.get(field).orElseThrow(() -> new IllegalArgumentException("no parameter " + field)).nested();
        if (arguments.get(field) instanceof Map<?, ?>) {
            Params.of(arguments).map(field).ifPresent(given -> refuseUndeclared(given, nested));
        }
    }

    private static void refuseUndeclared(Params given, ParamSet declared) {
        for (String name : declared.names()) {
            given.has(name);
        }
        given.done();
    }

    /**
     * Takes the map textareas ({@code fields}) out of a form, as maps, before the rest of it binds.
     *
     * @throws Descriptor.FormException naming the field whose line is not {@code key<separator>value}
     */
    public static Map<String, Map<String, String>> takeEntries(JSONObject formData, Function<String, String> separator, String... fields)
            throws Descriptor.FormException {
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        for (String field : fields) {
            Object text = formData.remove(field);
            try {
                maps.put(field, entries(text == null ? null : text.toString(), separator.apply(field)));
            } catch (IllegalArgumentException e) {
                throw new Descriptor.FormException(field + ": " + e.getMessage(), field);
            }
        }
        return maps;
    }
}
