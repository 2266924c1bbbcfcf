package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** magicLinkAuthCheck's opt-in rate limit check, {@code rateLimit: [requests: 10, expectStatus: 429]}. */
public final class RateLimitCheck implements Describable<RateLimitCheck> {
    private Integer requests;
    private String expectStatus;
    private String path;

    @DataBoundConstructor
    public RateLimitCheck() {}

    public Integer getRequests() { return requests; }
    @DataBoundSetter public void setRequests(Integer requests) { this.requests = requests; }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getPath() { return path; }
    @DataBoundSetter public void setPath(String path) { this.path = Values.trimToNull(path); }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<RateLimitCheck> {
        public DescriptorImpl() {
            super("Rate limiting", new MagicLinkAuthCheck(), MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, "rateLimit", Map.of());
        }
    }
}
