package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One of composeDeploy's blue-green {@code routes}: a service the host's nginx proxies to
 * ({@code [service: 'backend', port: 3000, site: '/etc/nginx/sites-enabled/app', location: '/api/']}). It only carries
 * values; {@link #toParams()} hands the engine the map a CLI plan would.
 */
public final class BlueGreenRoute implements Describable<BlueGreenRoute> {
    private final String service;
    private final String site;
    private Integer port;
    private String location;
    private String verifyUrl;
    private String expectStatus;
    private String verifyTimeout;

    @DataBoundConstructor
    public BlueGreenRoute(String service, String site) {
        this.service = Values.trimToNull(service);
        this.site = Values.trimToNull(site);
    }

    public String getService() { return service; }

    public String getSite() { return site; }

    public Integer getPort() { return port; }
    @DataBoundSetter public void setPort(Integer port) { this.port = port; }

    public String getLocation() { return location; }
    @DataBoundSetter public void setLocation(String location) { this.location = Values.trimToNull(location); }

    public String getVerifyUrl() { return verifyUrl; }
    @DataBoundSetter public void setVerifyUrl(String verifyUrl) { this.verifyUrl = Values.trimToNull(verifyUrl); }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getVerifyTimeout() { return verifyTimeout; }
    @DataBoundSetter public void setVerifyTimeout(String verifyTimeout) { this.verifyTimeout = Values.trimToNull(verifyTimeout); }

    public Map<String, Object> toParams() {
        return StepParams.of(this, ComposeDeploy.ROUTE_PARAMS);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<BlueGreenRoute> implements CustomDescribableModel {
        /** {@code expectStatus: 200} in a Jenkinsfile: the number as the String setter takes it. */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return StepForms.statusAsText(arguments);
        }

        @Override
        public String getDisplayName() { return "Route"; }
    }
}
