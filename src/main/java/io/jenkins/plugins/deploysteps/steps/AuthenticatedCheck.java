package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One request magicLinkAuthCheck makes with the session ({@code [path: '/api/chat', method: 'POST', auth:
 * 'bodyField:sessionToken']}), as a repeatable form and as a Jenkinsfile map.
 */
public final class AuthenticatedCheck implements Describable<AuthenticatedCheck> {
    /** The fields that are maps: textareas in the form, maps in a Jenkinsfile. */
    static final List<String> MAP_FIELDS = List.of("headers", "expectJson");

    private String name;
    private String path;
    private String method;
    private String body;
    private Map<String, String> headers = new LinkedHashMap<>();
    private String auth;
    private String expectStatus;
    private Map<String, String> expectJson = new LinkedHashMap<>();
    private String expectBodyContains;

    @DataBoundConstructor
    public AuthenticatedCheck() {}

    public String getName() { return name; }
    @DataBoundSetter public void setName(String name) { this.name = Values.trimToNull(name); }

    public String getPath() { return path; }
    @DataBoundSetter public void setPath(String path) { this.path = Values.trimToNull(path); }

    public String getMethod() { return method; }
    @DataBoundSetter public void setMethod(String method) { this.method = Values.trimToNull(method); }

    public String getBody() { return body; }
    @DataBoundSetter public void setBody(String body) { this.body = body == null || body.isEmpty() ? null : body; }

    public Map<String, String> getHeaders() { return headers; }
    @DataBoundSetter public void setHeaders(Map<String, String> headers) { this.headers = StepForms.texts(headers); }

    public String getAuth() { return auth; }
    @DataBoundSetter public void setAuth(String auth) { this.auth = Values.trimToNull(auth); }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public Map<String, String> getExpectJson() { return expectJson; }
    @DataBoundSetter public void setExpectJson(Map<String, String> expectJson) { this.expectJson = StepForms.texts(expectJson); }

    public String getExpectBodyContains() { return expectBodyContains; }
    @DataBoundSetter public void setExpectBodyContains(String expectBodyContains) { this.expectBodyContains = expectBodyContains == null || expectBodyContains.isEmpty() ? null : expectBodyContains; }

    /** The check under the engine's names; unset values are left out so the engine's defaults apply. */
    public Map<String, Object> toParams() {
        return StepParams.of(this, MagicLinkAuthCheck.CHECK_PARAMS);
    }

    /** A Jenkinsfile map as the setters take it: statuses and map values as text, unknown keys refused by name. */
    public static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        return StepForms.pipelineMap(arguments, MagicLinkAuthCheck.CHECK_PARAMS.names(), MAP_FIELDS);
    }

    @Extension
    public static final class DescriptorImpl extends RequestCheckDescriptor<AuthenticatedCheck> implements CustomDescribableModel {
        public DescriptorImpl() {
            super(new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "authenticatedChecks", Map.of("path", "/p"), Map.of(), MAP_FIELDS);
        }

        @Override
        public String getDisplayName() { return "Authenticated request"; }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return fromPipeline(arguments);
        }

        @Override
        protected void setMaps(AuthenticatedCheck check, Map<String, Map<String, String>> maps) {
            check.setHeaders(maps.get("headers"));
            check.setExpectJson(maps.get("expectJson"));
        }

        public ListBoxModel doFillMethodItems() {
            ListBoxModel items = FormChoices.withDefault("GET");
            for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
                items.add(m, m);
            }
            return items;
        }
    }
}
