package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code nginxRoute host: 'prod-1', site: '/etc/nginx/sites-enabled/app', location: '/api/new-feature/', proxyPass: ...}:
 * a managed reverse-proxy location, changed so that a mistake is undone. Parameters bind to the engine's
 * {@link NginxRoute} under the names the CLI uses.
 */
public final class NginxRouteStep extends HostChangeStep {

    private final String site;
    private final String location;
    private String state;
    private String backup;
    private String serverName;
    private String proxyPass;
    private Map<String, String> headers = new LinkedHashMap<>();
    private boolean websocket;
    private String proxyReadTimeout;
    private String clientMaxBodySize;
    private String verifyUrl;
    private String expectStatus;
    private String verifyTimeout;
    private String testCommand;
    private String reloadCommand;
    private String backupDir;
    private Integer keepBackups;

    @DataBoundConstructor
    public NginxRouteStep(String host, String site, String location) {
        super(new NginxRoute(), host);
        this.site = Values.trimToNull(site);
        this.location = Values.trimToNull(location);
    }

    public String getSite() { return site; }

    public String getLocation() { return location; }

    public String getState() { return state; }
    @DataBoundSetter public void setState(String state) { this.state = Values.trimToNull(state); }

    public String getBackup() { return backup; }
    @DataBoundSetter public void setBackup(String backup) { this.backup = Values.trimToNull(backup); }

    public String getServerName() { return serverName; }
    @DataBoundSetter public void setServerName(String serverName) { this.serverName = Values.trimToNull(serverName); }

    public String getProxyPass() { return proxyPass; }
    @DataBoundSetter public void setProxyPass(String proxyPass) { this.proxyPass = Values.trimToNull(proxyPass); }

    public Map<String, String> getHeaders() { return headers; }

    /** Values may be numbers in a Jenkinsfile; they are kept as text. An empty value means "do not pass this header". */
    @DataBoundSetter public void setHeaders(Map<String, String> headers) { this.headers = StepForms.texts(headers, ""); }

    public boolean isWebsocket() { return websocket; }
    @DataBoundSetter public void setWebsocket(boolean websocket) { this.websocket = websocket; }

    public String getProxyReadTimeout() { return proxyReadTimeout; }
    @DataBoundSetter public void setProxyReadTimeout(String proxyReadTimeout) { this.proxyReadTimeout = Values.trimToNull(proxyReadTimeout); }

    public String getClientMaxBodySize() { return clientMaxBodySize; }
    @DataBoundSetter public void setClientMaxBodySize(String clientMaxBodySize) { this.clientMaxBodySize = Values.trimToNull(clientMaxBodySize); }

    public String getVerifyUrl() { return verifyUrl; }
    @DataBoundSetter public void setVerifyUrl(String verifyUrl) { this.verifyUrl = Values.trimToNull(verifyUrl); }

    public String getExpectStatus() { return expectStatus; }
    @DataBoundSetter public void setExpectStatus(String expectStatus) { this.expectStatus = Values.trimToNull(expectStatus); }

    public String getVerifyTimeout() { return verifyTimeout; }
    @DataBoundSetter public void setVerifyTimeout(String verifyTimeout) { this.verifyTimeout = Values.trimToNull(verifyTimeout); }

    public String getTestCommand() { return testCommand; }
    @DataBoundSetter public void setTestCommand(String testCommand) { this.testCommand = Values.trimToNull(testCommand); }

    public String getReloadCommand() { return reloadCommand; }
    @DataBoundSetter public void setReloadCommand(String reloadCommand) { this.reloadCommand = Values.trimToNull(reloadCommand); }

    public String getBackupDir() { return backupDir; }
    @DataBoundSetter public void setBackupDir(String backupDir) { this.backupDir = Values.trimToNull(backupDir); }

    public Integer getKeepBackups() { return keepBackups; }
    @DataBoundSetter public void setKeepBackups(Integer keepBackups) { this.keepBackups = keepBackups; }

    @Extension
    @Symbol(NginxRoute.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        private static final Map<String, Object> MINIMAL = Map.of("host", "h", "site", "/etc/nginx/sites-enabled/app", "location", "/api/",
                "proxyPass", "http://127.0.0.1:3000", "verifyUrl", "https://app.example.com/api/health");

        public DescriptorImpl() {
            super(new NginxRoute(), "Add, update or remove an nginx reverse-proxy location, tested and reloaded, restored on failure", MINIMAL);
        }

        /** Host and location are what a person scanning the pipeline graph wants to see; never a header value. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return hostAnd(namedArgs, "location");
        }

        public ListBoxModel doFillStateItems() {
            ListBoxModel items = FormChoices.withDefault("present");
            items.add("Present: add or update the location", "present");
            items.add("Absent: remove the location", "absent");
            items.add("Restored: put the site file back from a backup", "restored");
            return items;
        }
    }
}
