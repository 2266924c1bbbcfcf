package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One of composeDeploy's blue-green {@code routes}: a service the host's nginx proxies to
 * ({@code [service: 'backend', port: 3000, site: '/etc/nginx/sites-enabled/app', location: '/api/']}). It only carries
 * values; the step hands the engine the map a CLI plan would.
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

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<BlueGreenRoute> {
        /** Routes belong to the blue-green strategy: a route field is checked in a blue-green deploy. */
        static final Map<String, Object> BLUE_GREEN = Map.of("host", "h", "dir", "/srv/app", "strategy", "blue-green");
        static final Map<String, Object> MINIMAL = Map.of("service", "backend", "site", "/etc/nginx/sites-enabled/app");

        public DescriptorImpl() {
            super("Route", new ComposeDeploy(), BLUE_GREEN, "routes", MINIMAL);
        }
    }
}
