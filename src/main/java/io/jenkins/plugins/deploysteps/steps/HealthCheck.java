package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
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

/**
 * One check of {@code healthVerify}, as the Snippet Generator edits it (one form per check in a repeatable list)
 * and as a Jenkinsfile writes it ({@code [name: 'api', url: '...', expectJson: ['$.status': 'ok']]}). It only
 * carries values: the step hands the engine the same name → value map a CLI plan would.
 */
public final class HealthCheck extends RequestCheck<HealthCheck> {
    private String url;
    private String tcp;
    private String host;
    private String container;
    private String credentialsId;
    private String expectBodyMatches;
    private Map<String, String> expectHeader = new LinkedHashMap<>();
    private String maxLatency;
    private Integer samples;
    private String p95Latency;
    private boolean followRedirects;
    private String expectRedirectTo;
    private String timeout;
    private String severity;

    @DataBoundConstructor
    public HealthCheck() {}

    public String getUrl() { return url; }
    @DataBoundSetter public void setUrl(String url) { this.url = Values.trimToNull(url); }

    public String getTcp() { return tcp; }
    @DataBoundSetter public void setTcp(String tcp) { this.tcp = Values.trimToNull(tcp); }

    public String getHost() { return host; }
    @DataBoundSetter public void setHost(String host) { this.host = Values.trimToNull(host); }

    public String getContainer() { return container; }
    @DataBoundSetter public void setContainer(String container) { this.container = Values.trimToNull(container); }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = Values.trimToNull(credentialsId); }

    public String getExpectBodyMatches() { return expectBodyMatches; }
    @DataBoundSetter public void setExpectBodyMatches(String expectBodyMatches) { this.expectBodyMatches = Values.emptyToNull(expectBodyMatches); }

    public Map<String, String> getExpectHeader() { return expectHeader; }
    @DataBoundSetter public void setExpectHeader(Map<String, String> expectHeader) { this.expectHeader = StepForms.texts(expectHeader); }

    public String getMaxLatency() { return maxLatency; }
    @DataBoundSetter public void setMaxLatency(String maxLatency) { this.maxLatency = Values.trimToNull(maxLatency); }

    public Integer getSamples() { return samples; }
    @DataBoundSetter public void setSamples(Integer samples) { this.samples = samples; }

    public String getP95Latency() { return p95Latency; }
    @DataBoundSetter public void setP95Latency(String p95Latency) { this.p95Latency = Values.trimToNull(p95Latency); }

    public boolean isFollowRedirects() { return followRedirects; }
    @DataBoundSetter public void setFollowRedirects(boolean followRedirects) { this.followRedirects = followRedirects; }

    public String getExpectRedirectTo() { return expectRedirectTo; }
    @DataBoundSetter public void setExpectRedirectTo(String expectRedirectTo) { this.expectRedirectTo = Values.trimToNull(expectRedirectTo); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    public String getSeverity() { return severity; }
    @DataBoundSetter public void setSeverity(String severity) { this.severity = Values.trimToNull(severity); }

    /**
     * A Jenkinsfile's check map as the setters take it: {@code expectStatus: 200} or {@code [200, 204]} becomes text,
     * map values become text, and a key that is not a check parameter is refused by name (with the closest known
     * one) instead of being dropped with a warning in the log.
     */
    public static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        return StepForms.pipelineMap(arguments, HealthVerify.CHECK_PARAMS);
    }

    @Extension
    public static final class DescriptorImpl extends RequestCheckDescriptor<HealthCheck> {
        static final Map<String, Object> MINIMAL = Map.of("url", "http://localhost/");
        /** A tcp check has no url, and a container needs its host: these two are checked next to what they need. */
        static final Map<String, Map<String, Object>> MINIMAL_FOR = Map.of("tcp", Map.of(), "container", Map.of("url", "http://localhost/", "host", "h"));

        public DescriptorImpl() {
            super("Check", new HealthVerify(), Map.of(), "checks", MINIMAL, MINIMAL_FOR);
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return fromPipeline(arguments);
        }

        public ListBoxModel doFillSeverityItems() {
            ListBoxModel items = FormChoices.withDefault("failure");
            items.add("Failure: the step's onFailure applies", "failure");
            items.add("Warning: the build becomes UNSTABLE", "warning");
            return items;
        }

        /** Secret text (a bearer token) and user name with password (basic) credentials the job may use. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChoices.credentialItems(item, credentialsId, CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StringCredentials.class),
                    CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)));
        }
    }
}
