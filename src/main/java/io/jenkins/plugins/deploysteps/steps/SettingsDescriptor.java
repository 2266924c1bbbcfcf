package io.jenkins.plugins.deploysteps.steps;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a step's nested settings (a check of healthVerify's {@code checks}, its {@code tls} map): the
 * fields are the nested declarations of one parameter, each checked by the engine's binding at
 * {@code <descriptor>/field/<name>/check}, as the step's own fields are.
 */
public abstract class SettingsDescriptor<T extends Describable<T>> extends Descriptor<T> implements CustomDescribableModel {
    private final String displayName;
    private final StepDefinition<?> step;
    private final Map<String, Object> minimalStep;
    private final String parent;
    private final Map<String, Object> minimal;
    private final Map<String, Map<String, Object>> minimalFor;

    /**
     * @param displayName the settings as the form names them
     * @param parent the step's parameter these settings are (a map, or a list of maps)
     * @param minimalStep the smallest valid set of the step's other parameters
     * @param minimal the smallest valid set of the other settings, next to which one field is checked
     * @param minimalFor the smallest valid set for the fields that need another one than {@code minimal}
     */
    protected SettingsDescriptor(String displayName, StepDefinition<?> step, Map<String, Object> minimalStep, String parent,
            Map<String, Object> minimal, Map<String, Map<String, Object>> minimalFor) {
        this.displayName = displayName;
        this.step = step;
        this.minimalStep = Map.copyOf(minimalStep);
        this.parent = parent;
        this.minimal = Map.copyOf(minimal);
        this.minimalFor = Map.copyOf(minimalFor);
    }

    protected SettingsDescriptor(String displayName, StepDefinition<?> step, Map<String, Object> minimalStep, String parent,
            Map<String, Object> minimal) {
        this(displayName, step, minimalStep, parent, minimal, Map.of());
    }

    @Override
    public String getDisplayName() { return displayName; }

    /** {@code expectStatus: 200} or {@code [200, 204]} in a Jenkinsfile: the number as the String setter takes it. */
    @Override
    public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        return StepForms.statusAsText(arguments);
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

    /** Map fields arrive from the form as one entry per line; they bind as maps. */
    @Override
    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        ParamSet declared = step.declarations().get(parent).orElseThrow().nested();
        return StepForms.bind(formData, declared, this::mapSeparator, form -> super.newInstance(req, form));
    }

    /** A map field's value as its textarea shows it. */
    public String text(Map<String, String> map, String field) {
        return StepForms.entriesText(map, mapSeparator(field));
    }

    /** Every settings' host field (those that have one): the configured hosts, to those who may configure the job. */
    @POST
    public ComboBoxModel doFillHostItems(@AncestorInPath Item item) {
        return FormChoices.hostItems(item);
    }

    /** Every settings' CA bundle field (those that have one): secret files and secret text holding PEM certificates. */
    @POST
    public ListBoxModel doFillCaCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String caCredentialsId) {
        return FormChoices.caBundleItems(item, caCredentialsId);
    }
}
