package io.jenkins.plugins.deploysteps.steps;

import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The descriptor of a check that sends one HTTP request (a healthVerify check, a magicLinkAuthCheck authenticated
 * request). Its map fields are textareas: {@code expectJson} has {@code path = value} lines, the others (headers) have
 * {@code Name: value} lines; they become maps before the rest of the form binds.
 */
public abstract class RequestCheckDescriptor<T extends Describable<T>> extends SettingsDescriptor<T> {
    private final List<String> mapFields;

    /**
     * @param mapFields the check's map fields, as the form names them
     * @see SettingsDescriptor#SettingsDescriptor(StepDefinition, Map, String, Map, Map)
     */
    protected RequestCheckDescriptor(StepDefinition<?> step, Map<String, Object> minimalStep, String parent, Map<String, Object> minimal,
            Map<String, Map<String, Object>> minimalFor, List<String> mapFields) {
        super(step, minimalStep, parent, minimal, minimalFor);
        this.mapFields = List.copyOf(mapFields);
    }

    static String separator(String field) {
        return field.equals("expectJson") ? StepForms.JSON_SEPARATOR : StepForms.HEADER_SEPARATOR;
    }

    @Override
    protected String mapSeparator(String field) {
        return separator(field);
    }

    /** A map field as its textarea shows it. */
    public String text(Map<String, String> map, String field) {
        return StepForms.entriesText(map, separator(field));
    }

    /** The map textareas become maps before the rest of the form binds. */
    @Override
    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        Map<String, Map<String, String>> maps = StepForms.takeEntries(formData, RequestCheckDescriptor::separator, mapFields.toArray(String[]::new));
        T check = super.newInstance(req, formData);
        setMaps(check, maps);
        return check;
    }

    /** Hands {@code check} the maps its textareas held, by field name. */
    protected abstract void setMaps(T check, Map<String, Map<String, String>> maps);
}
