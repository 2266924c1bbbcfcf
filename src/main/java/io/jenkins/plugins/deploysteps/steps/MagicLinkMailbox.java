package io.jenkins.plugins.deploysteps.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.Values;
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

    /** The smallest mailbox of each kind a field belongs to, next to which the form checks the field. */
    private static final Map<String, Object> WEB_API = Map.of("type", "mailpit", "url", "http://localhost/");
    private static final Map<String, Object> IMAP = Map.of("type", "imap", "host", "localhost");
    private static final Map<String, Object> COMMAND = Map.of("type", "command", "host", "h", "command", "true");

    /** The smallest mailbox of the kind {@code field} belongs to: a field's form check binds it there. */
    static Map<String, Object> formMinimal(String field) {
        return switch (field) {
            case "url", "credentialsId" -> WEB_API;
            case "host", "port", "security", "folder", "caCredentialsId" -> IMAP;
            case "command", "timeout" -> COMMAND;
            default -> Map.of();
        };
    }

    @Extension
    public static final class DescriptorImpl extends SettingsDescriptor<MagicLinkMailbox> {
        public DescriptorImpl() {
            super("Mailbox", new MagicLinkAuthCheck(), Map.of("baseUrl", "http://localhost/"), "mailbox", Map.of());
        }

        @Override
        protected Map<String, Object> minimal(String field) {
            return formMinimal(field);
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
            ListBoxModel items = FormChoices.withDefault("TLS (imaps)");
            items.add("TLS (imaps)", "ssl");
            items.add("STARTTLS", "starttls");
            items.add("None (a server on the same machine only)", "none");
            return items;
        }

        /** User name with password: the web API's basic authentication, or the IMAP login. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChoices.credentialItems(item, credentialsId, CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
        }
    }
}
