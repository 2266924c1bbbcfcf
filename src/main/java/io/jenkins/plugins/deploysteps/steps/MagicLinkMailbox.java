package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLink;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** magicLinkAuthCheck's {@code mailbox: [type: 'mailpit', url: 'http://mail.internal:8025']}: where the email is read. */
public final class MagicLinkMailbox implements Describable<MagicLinkMailbox> {
    private String type;
    private String url;
    private String credentialsId;
    private String host;
    private Integer port;
    private String security;
    private String folder;
    private String caCredentialsId;
    private String command;
    private String timeout;

    @DataBoundConstructor
    public MagicLinkMailbox() {}

    public String getType() { return type; }
    @DataBoundSetter public void setType(String type) { this.type = Values.trimToNull(type); }

    public String getUrl() { return url; }
    @DataBoundSetter public void setUrl(String url) { this.url = Values.trimToNull(url); }

    public String getCredentialsId() { return credentialsId; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = Values.trimToNull(credentialsId); }

    public String getHost() { return host; }
    @DataBoundSetter public void setHost(String host) { this.host = Values.trimToNull(host); }

    public Integer getPort() { return port; }
    @DataBoundSetter public void setPort(Integer port) { this.port = port; }

    public String getSecurity() { return security; }
    @DataBoundSetter public void setSecurity(String security) { this.security = Values.trimToNull(security); }

    public String getFolder() { return folder; }
    @DataBoundSetter public void setFolder(String folder) { this.folder = Values.trimToNull(folder); }

    public String getCaCredentialsId() { return caCredentialsId; }
    @DataBoundSetter public void setCaCredentialsId(String caCredentialsId) { this.caCredentialsId = Values.trimToNull(caCredentialsId); }

    public String getCommand() { return command; }
    @DataBoundSetter public void setCommand(String command) { this.command = Values.trimToNull(command); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    public Map<String, Object> toParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("url", url);
        p.put("credentialsId", credentialsId);
        p.put("host", host);
        p.put("port", port);
        p.put("security", security);
        p.put("folder", folder);
        p.put("caCredentialsId", caCredentialsId);
        p.put("command", command);
        p.put("timeout", timeout);
        p.values().removeIf(v -> v == null);
        return p;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<MagicLinkMailbox> {
        @Override
        public String getDisplayName() { return "Mailbox"; }

        private static FormValidation check(String field, Object value, Map<String, Object> others) {
            if (value == null || value instanceof String s && s.isBlank()) {
                return FormValidation.ok();
            }
            Map<String, Object> mailbox = new LinkedHashMap<>(others);
            mailbox.put(field, value);
            return StepForms.check(new MagicLink(), Map.of("baseUrl", "http://localhost/"), "mailbox", mailbox);
        }

        public ListBoxModel doFillTypeItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("Mailpit (HTTP API)", "mailpit");
            items.add("MailHog (HTTP API)", "mailhog");
            items.add("MailDev (HTTP API)", "maildev");
            items.add("IMAP folder", "imap");
            items.add("A command's output on a host", "command");
            return items;
        }

        public ListBoxModel doFillSecurityItems() {
            ListBoxModel items = StepForms.withDefault("TLS (imaps)");
            items.add("TLS (imaps)", "ssl");
            items.add("STARTTLS", "starttls");
            items.add("None (a server on the same machine only)", "none");
            return items;
        }

        @POST
        public FormValidation doCheckHost(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.hostCheck(item, value);
        }

        @POST
        public ComboBoxModel doFillHostItems(@AncestorInPath Item item) {
            return StepForms.hostItems(item);
        }

        /** User name with password: the web API's basic authentication, or the IMAP login. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return StepForms.credentialItems(item, credentialsId, CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
        }

        @POST
        public ListBoxModel doFillCaCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String caCredentialsId) {
            return StepForms.caBundleItems(item, caCredentialsId);
        }

        public FormValidation doCheckUrl(@QueryParameter String value, @QueryParameter String type) {
            return check("url", value, Map.of("type", type == null || type.isBlank() ? "mailpit" : type));
        }

        public FormValidation doCheckPort(@QueryParameter String value) {
            return check("port", value, Map.of("type", "imap", "host", "localhost"));
        }

        public FormValidation doCheckTimeout(@QueryParameter String value) {
            return check("timeout", value, Map.of("type", "command", "host", "h", "command", "true"));
        }
    }
}
