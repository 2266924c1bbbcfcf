package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One check of {@code healthVerify}, as the Snippet Generator edits it (one form per check in a repeatable list)
 * and as a Jenkinsfile writes it ({@code [name: 'api', url: '...', expectJson: ['$.status': 'ok']]}). It only
 * carries values: {@link #toParams()} hands the engine the same name → value map a CLI plan would.
 */
public final class HealthCheck implements Describable<HealthCheck> {
    /** The fields that are maps: textareas in the form, maps in a Jenkinsfile. */
    static final List<String> MAP_FIELDS = List.of("headers", "expectJson", "expectHeader");

    private String name;
    private String url;
    private String tcp;
    private String host;
    private String container;
    private String method;
    private Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private String credentialsId;
    private String expectStatus;
    private String expectBodyContains;
    private String expectBodyMatches;
    private Map<String, String> expectJson = new LinkedHashMap<>();
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

    public String getName() { return name; }
    @DataBoundSetter public void setName(String name) { this.name = Values.trimToNull(name); }

    public String getUrl() { return url; }
    @DataBoundSetter public void setUrl(String url) { this.url = Values.trimToNull(url); }

    public String getTcp() { return tcp; }
    @DataBoundSetter public void setTcp(String tcp) { this.tcp = Values.trimToNull(tcp); }

    public String getHost() { return host; }
    @DataBoundSetter public void setHost(String host) { this.host = Values.trimToNull(host); }

    public String getContainer() { return container; }
    @DataBoundSetter public void setContainer(String container) { this.container = Values.trimToNull(container); }

    public String getMethod() { return method; }
    @DataBoundSetter public void setMethod(String method) { this.method = Values.trimToNull(method); }

    public Map<String, String> getHeaders() { return headers; }
    @DataBoundSetter public void setHeaders(Map<String, String> headers) { this.headers = StepForms.texts(headers); }

    public String getBody() { return body; }
    @DataBoundSetter public void setBody(String body) { this.body = body == null || body.isEmpty() ? null : body; }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = Values.trimToNull(credentialsId); }

    public String getExpectStatus() { return expectStatus; }

    /** A code, a range or a comma-separated list, as text; a Jenkinsfile's {@code 200} or {@code [200, 204]} arrives converted. */
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getExpectBodyContains() { return expectBodyContains; }
    @DataBoundSetter public void setExpectBodyContains(String expectBodyContains) { this.expectBodyContains = expectBodyContains == null || expectBodyContains.isEmpty() ? null : expectBodyContains; }

    public String getExpectBodyMatches() { return expectBodyMatches; }
    @DataBoundSetter public void setExpectBodyMatches(String expectBodyMatches) { this.expectBodyMatches = expectBodyMatches == null || expectBodyMatches.isEmpty() ? null : expectBodyMatches; }

    public Map<String, String> getExpectJson() { return expectJson; }
    @DataBoundSetter public void setExpectJson(Map<String, String> expectJson) { this.expectJson = StepForms.texts(expectJson); }

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

    /** The check under the engine's names; unset values are left out so the engine's defaults apply. */
    public Map<String, Object> toParams() {
        return StepParams.of(this, HealthVerify.CHECK_PARAMS);
    }

    /**
     * A Jenkinsfile's check map as the setters take it: {@code expectStatus: 200} or {@code [200, 204]} becomes text,
     * map values become text, and a key that is not a check parameter is refused by name (with the closest known
     * one) instead of being dropped with a warning in the log.
     */
    public static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        return StepForms.pipelineMap(arguments, HealthVerify.CHECK_PARAMS.names(), MAP_FIELDS);
    }

    @Extension
    public static final class DescriptorImpl extends RequestCheckDescriptor<HealthCheck> implements CustomDescribableModel {
        static final Map<String, Object> MINIMAL = Map.of("url", "http://localhost/");
        /** A tcp check has no url, and a container needs its host: these two are checked next to what they need. */
        static final Map<String, Map<String, Object>> MINIMAL_FOR = Map.of("tcp", Map.of(), "container", Map.of("url", "http://localhost/", "host", "h"));

        public DescriptorImpl() {
            super(new HealthVerify(), Map.of(), "checks", MINIMAL, MINIMAL_FOR, MAP_FIELDS);
        }

        @Override
        public String getDisplayName() { return "Check"; }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return fromPipeline(arguments);
        }

        @Override
        protected void setMaps(HealthCheck check, Map<String, Map<String, String>> maps) {
            check.setHeaders(maps.get("headers"));
            check.setExpectJson(maps.get("expectJson"));
            check.setExpectHeader(maps.get("expectHeader"));
        }

        @POST
        public ComboBoxModel doFillHostItems(@AncestorInPath Item item) {
            return FormChoices.hostItems(item);
        }

        public ListBoxModel doFillMethodItems() {
            ListBoxModel items = FormChoices.withDefault("GET");
            for (String m : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                items.add(m, m);
            }
            return items;
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
