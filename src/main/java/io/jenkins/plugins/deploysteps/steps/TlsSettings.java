package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.jenkins.FormChecks;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** healthVerify's {@code tls: [warnDays: 21, failDays: 7, caCredentialsId: 'internal-ca']}. */
public final class TlsSettings implements Describable<TlsSettings> {
    private Integer warnDays;
    private Integer failDays;
    private String caCredentialsId;

    @DataBoundConstructor
    public TlsSettings() {}

    public Integer getWarnDays() { return warnDays; }
    @DataBoundSetter public void setWarnDays(Integer warnDays) { this.warnDays = warnDays; }

    public Integer getFailDays() { return failDays; }
    @DataBoundSetter public void setFailDays(Integer failDays) { this.failDays = failDays; }

    public String getCaCredentialsId() { return caCredentialsId; }
    @DataBoundSetter public void setCaCredentialsId(String caCredentialsId) { this.caCredentialsId = Values.trimToNull(caCredentialsId); }

    public Map<String, Object> toParams() {
        return StepParams.of(this, HealthVerify.TLS_PARAMS);
    }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<TlsSettings> {
        private static final Map<String, Object> MINIMAL = Map.of("url", "https://localhost/");

        public DescriptorImpl() {
            super(new HealthVerify(), MINIMAL, "tls", Map.of());
        }

        @Override
        public String getDisplayName() { return "TLS certificate thresholds"; }

        /** failDays is checked against the warnDays beside it. */
        public FormValidation doCheckFailDays(@QueryParameter String value, @QueryParameter String warnDays) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("failDays", value);
            if (warnDays != null && !warnDays.isBlank()) {
                tls.put("warnDays", warnDays);
            }
            return FormChecks.toValidation(StepForms.problem(new HealthVerify(), MINIMAL, "tls", tls));
        }

        /** Secret files and secret text holding PEM certificates. */
        @POST
        public ListBoxModel doFillCaCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String caCredentialsId) {
            return StepForms.caBundleItems(item, caCredentialsId);
        }
    }
}
