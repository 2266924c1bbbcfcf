package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLink;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/** magicLinkAuthCheck's opt-in {@code rateLimit: [requests: 10, expectStatus: 429]}. */
public final class RateLimitSettings implements Describable<RateLimitSettings> {
    private Integer requests;
    private String expectStatus;
    private String path;

    @DataBoundConstructor
    public RateLimitSettings() {}

    public Integer getRequests() { return requests; }
    @DataBoundSetter public void setRequests(Integer requests) { this.requests = requests; }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getPath() { return path; }
    @DataBoundSetter public void setPath(String path) { this.path = Values.trimToNull(path); }

    public Map<String, Object> toParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("requests", requests);
        p.put("expectStatus", expectStatus);
        p.put("path", path);
        p.values().removeIf(v -> v == null);
        return p;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<RateLimitSettings> implements CustomDescribableModel {
        /** {@code rateLimit: [requests: 10, expectStatus: 429]}: the number as the String setter takes it. */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return StepForms.statusAsText(arguments);
        }

        @Override
        public String getDisplayName() { return "Rate limiting"; }

        private static FormValidation check(String field, String value) {
            return StepForms.check(new MagicLink(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "rateLimit", value == null || value.isBlank() ? null
                    : Map.of(field, value));
        }

        public FormValidation doCheckRequests(@QueryParameter String value) {
            return check("requests", value);
        }

        public FormValidation doCheckExpectStatus(@QueryParameter String value) {
            return check("expectStatus", value);
        }

        public FormValidation doCheckPath(@QueryParameter String value) {
            return check("path", value);
        }
    }
}
