package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Describable;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** composeDeploy's opt-in {@code downtimeProbe: [url: 'http://127.0.0.1/api/health', interval: '100ms', maxDowntime: '2s']}. */
public final class DowntimeProbe implements Describable<DowntimeProbe> {
    private final String url;
    private String interval;
    private String timeout;
    private String expectStatus;
    private String maxDowntime;
    private String severity;
    private String from;

    @DataBoundConstructor
    public DowntimeProbe(String url) {
        this.url = Values.trimToNull(url);
    }

    public String getUrl() { return url; }

    public String getInterval() { return interval; }
    @DataBoundSetter public void setInterval(String interval) { this.interval = Values.trimToNull(interval); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getMaxDowntime() { return maxDowntime; }
    @DataBoundSetter public void setMaxDowntime(String maxDowntime) { this.maxDowntime = Values.trimToNull(maxDowntime); }

    public String getSeverity() { return severity; }
    @DataBoundSetter public void setSeverity(String severity) { this.severity = Values.trimToNull(severity); }

    public String getFrom() { return from; }
    @DataBoundSetter public void setFrom(String from) { this.from = Values.trimToNull(from); }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<DowntimeProbe> {
        static final Map<String, Object> MINIMAL = Map.of("url", "http://127.0.0.1/");

        public DescriptorImpl() {
            super("Downtime probe", new ComposeDeploy(), ComposeStep.ComposeDescriptor.MINIMAL, "downtimeProbe", MINIMAL);
        }
    }
}
