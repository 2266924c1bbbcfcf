package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One request magicLinkAuthCheck makes with the session ({@code [path: '/api/chat', method: 'POST', auth:
 * 'bodyField:sessionToken']}), as a repeatable form and as a Jenkinsfile map.
 */
public final class AuthenticatedCheck extends RequestCheck<AuthenticatedCheck> {
    private String path;
    private String auth;

    @DataBoundConstructor
    public AuthenticatedCheck() {}

    public String getPath() { return path; }
    @DataBoundSetter public void setPath(String path) { this.path = Values.trimToNull(path); }

    public String getAuth() { return auth; }
    @DataBoundSetter public void setAuth(String auth) { this.auth = Values.trimToNull(auth); }

    /** A Jenkinsfile map as the setters take it: statuses and map values as text, unknown keys refused by name. */
    public static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        return StepForms.pipelineMap(arguments, MagicLinkAuthCheck.CHECK_PARAMS);
    }

    @Extension
    public static final class DescriptorImpl extends RequestCheckDescriptor<AuthenticatedCheck> {
        public DescriptorImpl() {
            super("Authenticated request", new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "authenticatedChecks", Map.of("path", "/p"), Map.of());
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return fromPipeline(arguments);
        }
    }
}
