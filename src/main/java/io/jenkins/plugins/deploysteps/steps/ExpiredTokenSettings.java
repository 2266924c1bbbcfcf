package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLink;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** magicLinkAuthCheck's opt-in {@code expiredToken: [credentialsId: 'expired-token']} or {@code [ttl: '2m']}. */
public final class ExpiredTokenSettings implements Describable<ExpiredTokenSettings> {
    private String credentialsId;
    private String ttl;

    @DataBoundConstructor
    public ExpiredTokenSettings() {}

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = Values.trimToNull(credentialsId); }

    public String getTtl() { return ttl; }
    @DataBoundSetter public void setTtl(String ttl) { this.ttl = Values.trimToNull(ttl); }

    public Map<String, Object> toParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("credentialsId", credentialsId);
        p.put("ttl", ttl);
        p.values().removeIf(v -> v == null);
        return p;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<ExpiredTokenSettings> {
        @Override
        public String getDisplayName() { return "Expired token"; }

        /** Secret text: a token known to have expired. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentialItems(item, credentialsId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }

        public FormValidation doCheckTtl(@QueryParameter String value) {
            return StepForms.check(new MagicLink(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "expiredToken", value == null || value.isBlank() ? null
                    : Map.of("ttl", value));
        }
    }
}
