package io.jenkins.plugins.deploysteps.jenkins;

import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.config.DeployHost;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;

/**
 * What step descriptors share for the Snippet Generator: field checks that run the engine's own binding (so
 * the form says exactly what a build would), list fields edited as one line per entry, and the host list.
 */
public final class StepForms {
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
            return e.field().equals(field) || e.field().startsWith(field + "[") ? Optional.of(e.problem()) : Optional.empty();
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
        boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
        if (allowed) {
            for (DeployHost h : DeployHostsConfiguration.get().getHosts()) {
                items.add(h.getName());
            }
        }
        return items;
    }

    public static ListBoxModel onFailureItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Fail the step", "FAILURE");
        items.add("Mark the build unstable and continue", "UNSTABLE");
        return items;
    }
}
