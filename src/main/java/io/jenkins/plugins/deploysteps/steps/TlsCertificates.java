package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** healthVerify's {@code tls: [warnDays: 21, failDays: 7, caCredentialsId: 'internal-ca']}: how long certificates must stay valid, and which CAs they lead to. */
public final class TlsCertificates implements Describable<TlsCertificates> {
    private Integer warnDays;
    private Integer failDays;
    private String caCredentialsId;

    @DataBoundConstructor
    public TlsCertificates() {}

    public Integer getWarnDays() { return warnDays; }
    @DataBoundSetter public void setWarnDays(Integer warnDays) { this.warnDays = warnDays; }

    public Integer getFailDays() { return failDays; }
    @DataBoundSetter public void setFailDays(Integer failDays) { this.failDays = failDays; }

    public String getCaCredentialsId() { return caCredentialsId; }
    @DataBoundSetter public void setCaCredentialsId(String caCredentialsId) { this.caCredentialsId = Values.trimToNull(caCredentialsId); }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<TlsCertificates> {
        static final Map<String, Object> MINIMAL = Map.of("url", "https://localhost/");

        public DescriptorImpl() {
            super("TLS certificate thresholds", new HealthVerify(), MINIMAL, "tls", Map.of());
        }
    }
}
