package io.jenkins.plugins.deploysteps.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.config.HostSpecs;
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
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * What step descriptors share for the Snippet Generator: field checks that run the engine's own binding (so
 * the form says exactly what a build would), list fields edited as one line per entry, and the host list.
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

    /** Configured host names for a step's host field; only those who may configure the job see them. */
    public static ComboBoxModel hostItems(Item item) {
        ComboBoxModel items = new ComboBoxModel();
        if (mayConfigure(item)) {
            for (DeployHost h : DeployHostsConfiguration.get().getHosts()) {
                items.add(h.getName());
            }
        }
        return items;
    }

    /**
     * A step's host field names a configured Deploy host, or every build fails with "unknown host". Only those who
     * may configure the job learn which hosts exist.
     */
    public static FormValidation hostCheck(Item item, String value) {
        String name = Values.trimToNull(value);
        if (name == null || !mayConfigure(item) || DeployHostsConfiguration.get().find(name).isPresent()) {
            return FormValidation.ok();
        }
        return FormValidation.error("no Deploy host named '" + name + "' (Manage Jenkins, System, Deploy hosts)");
    }

    private static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Credentials a step field may name (secret text, a secret file...), as its drop-down lists them: only to people
     * who may configure or use the job's credentials; everyone else sees just the current value. A job lists what
     * its builds will find, under the authentication they run as (not what the system sees, which includes
     * SYSTEM-scoped credentials no build can use).
     */
    public static ListBoxModel credentialItems(Item item, String current, CredentialsMatcher matcher) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            // No job (Pipeline Syntax outside a job): what the system sees, less what no build can use.
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    ? result.includeEmptyValue().includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class,
                            URIRequirementBuilder.create().build(), CredentialsMatchers.allOf(matcher, HostSpecs.buildsCanUse())).includeCurrentValue(current)
                    : result.includeCurrentValue(current);
        }
        if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(current);
        }
        Authentication as = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        return result.includeEmptyValue().includeMatchingAs(as, item, StandardCredentials.class, URIRequirementBuilder.create().build(), matcher)
                .includeCurrentValue(current);
    }

    /** Secret files and secret text holding PEM CA certificates, for a field naming a CA bundle. */
    public static ListBoxModel caBundleItems(Item item, String current) {
        return credentialItems(item, current, CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(FileCredentials.class),
                CredentialsMatchers.instanceOf(StringCredentials.class)));
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
     * A Jenkinsfile map of a list element (a check) as its setters take it: a key that is not one of {@code known} is
     * refused by name (with the closest known one) instead of being dropped with a warning in the log,
     * {@code expectStatus: 200} or {@code [200, 204]} becomes text, and the values of {@code mapFields} become text.
     */
    public static Map<String, Object> pipelineMap(Map<String, Object> arguments, List<String> known, List<String> mapFields) {
        Params check = Params.of(arguments);
        for (String name : known) {
            check.has(name);
        }
        check.done();
        Map<String, Object> out = statusAsText(arguments);
        for (String m : mapFields) {
            if (out.get(m) instanceof Map<?, ?> map) {
                out.put(m, texts(map));
            }
        }
        return out;
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

    /**
     * A drop-down whose first choice is the empty value, for a field whose Java default is null: left there, the
     * engine's default applies and the Snippet Generator writes nothing, instead of spelling the default out.
     */
    public static ListBoxModel withDefault(String engineDefault) {
        ListBoxModel items = new ListBoxModel();
        items.add("Default (" + engineDefault + ")", "");
        return items;
    }

    public static ListBoxModel onFailureItems() {
        ListBoxModel items = withDefault("fail the step");
        items.add("Fail the step", "FAILURE");
        items.add("Mark the build unstable and continue", "UNSTABLE");
        return items;
    }
}
