package io.jenkins.plugins.deploysteps.steps;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import java.util.List;
import java.util.Map;

/**
 * The descriptor of a check that sends one HTTP request (a healthVerify check, a magicLinkAuthCheck authenticated
 * request). Its map fields are textareas: {@code expectJson} has {@code path = value} lines, the others (headers) have
 * {@code Name: value} lines.
 */
public abstract class RequestCheckDescriptor<T extends RequestCheck<T>> extends SettingsDescriptor<T> {
    /** @see SettingsDescriptor#SettingsDescriptor(String, StepDefinition, Map, String, Map, Map) */
    protected RequestCheckDescriptor(String displayName, StepDefinition<?> step, Map<String, Object> minimalStep, String parent,
            Map<String, Object> minimal, Map<String, Map<String, Object>> minimalFor) {
        super(displayName, step, minimalStep, parent, minimal, minimalFor);
    }

    @Override
    protected String mapSeparator(String field) {
        return field.equals("expectJson") ? StepForms.JSON_SEPARATOR : StepForms.HEADER_SEPARATOR;
    }

    public ListBoxModel doFillMethodItems() {
        ListBoxModel items = FormChoices.withDefault("GET");
        for (String m : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            items.add(m, m);
        }
        return items;
    }
}
