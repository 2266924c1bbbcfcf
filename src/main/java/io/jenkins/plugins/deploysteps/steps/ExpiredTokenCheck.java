package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** magicLinkAuthCheck's opt-in expired token check, {@code expiredToken: [credentialsId: 'expired-token']} or {@code [ttl: '2m']}. */
public final class ExpiredTokenCheck implements Describable<ExpiredTokenCheck> {
    private String credentialsId;
    private String ttl;

    @DataBoundConstructor
    public ExpiredTokenCheck() {}

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = Values.trimToNull(credentialsId); }

    public String getTtl() { return ttl; }
    @DataBoundSetter public void setTtl(String ttl) { this.ttl = Values.trimToNull(ttl); }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<ExpiredTokenCheck> {
        public DescriptorImpl() {
            super("Expired token", new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "expiredToken", Map.of());
        }

        /** Secret text: a token known to have expired. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChoices.credentialItems(item, credentialsId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }
    }
}
