package io.jenkins.plugins.deploysteps.steps;

import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What a check that sends one HTTP request carries (a healthVerify check, a magicLinkAuthCheck authenticated request):
 * its name, the request's method, body and headers, and what the response must show. Each check's own declarations
 * in the engine say what these mean for it.
 */
public abstract class RequestCheck<T extends RequestCheck<T>> implements Describable<T> {
    private String name;
    private String method;
    private String body;
    private Map<String, String> headers = new LinkedHashMap<>();
    private String expectStatus;
    private Map<String, String> expectJson = new LinkedHashMap<>();
    private String expectBodyContains;

    public String getName() { return name; }
    @DataBoundSetter public void setName(String name) { this.name = Values.trimToNull(name); }

    public String getMethod() { return method; }
    @DataBoundSetter public void setMethod(String method) { this.method = Values.trimToNull(method); }

    public String getBody() { return body; }
    @DataBoundSetter public void setBody(String body) { this.body = Values.emptyToNull(body); }

    public Map<String, String> getHeaders() { return headers; }
    @DataBoundSetter public void setHeaders(Map<String, String> headers) { this.headers = StepForms.texts(headers); }

    public String getExpectStatus() { return expectStatus; }

    /** A code, a range or a comma-separated list, as text; a Jenkinsfile's {@code 200} or {@code [200, 204]} arrives converted. */
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public Map<String, String> getExpectJson() { return expectJson; }
    @DataBoundSetter public void setExpectJson(Map<String, String> expectJson) { this.expectJson = StepForms.texts(expectJson); }

    public String getExpectBodyContains() { return expectBodyContains; }
    @DataBoundSetter public void setExpectBodyContains(String expectBodyContains) { this.expectBodyContains = Values.emptyToNull(expectBodyContains); }
}
