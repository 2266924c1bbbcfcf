package io.jenkins.plugins.deploysteps.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChecks;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One entry of the Deploy hosts configuration: where a host is, how to log in (a Jenkins credential), how
 * its identity is verified, and defaults the steps read.
 */
public class DeployHost implements Describable<DeployHost> {
    static final String DEFAULT_CONNECT_TIMEOUT = "10s";

    private final String name;
    private final String hostname;
    private final String credentialsId;
    private int port = 22;
    private String username;
    private String hostKeyVerification = HostKeyMode.STRICT.toString();
    private String knownHosts;
    private String knownHostsFile;
    private String learnedHostKey;
    private String jumpHost;
    private boolean sudo;
    private String connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private String composeCommand;
    private String nginxTestCommand;
    private String nginxReloadCommand;

    @DataBoundConstructor
    public DeployHost(String name, String hostname, String credentialsId) {
        this.name = Values.trimToNull(name);
        this.hostname = Values.trimToNull(hostname);
        this.credentialsId = Values.trimToNull(credentialsId);
    }

    public String getName() { return name; }

    public String getHostname() { return hostname; }

    public String getCredentialsId() { return credentialsId; }

    public int getPort() { return port; }
    @DataBoundSetter public void setPort(int port) { this.port = port; }

    /** Overrides the credential's user name; empty means use the credential's. */
    public String getUsername() { return username; }
    @DataBoundSetter public void setUsername(String username) { this.username = Values.trimToNull(username); }

    /** {@code strict} (default), {@code acceptFirst} or {@code off}. */
    public String getHostKeyVerification() { return hostKeyVerification; }
    @DataBoundSetter public void setHostKeyVerification(String mode) { this.hostKeyVerification = Values.trimOr(mode, HostKeyMode.STRICT.toString()); }

    /** known_hosts lines, as {@code ssh-keyscan} prints them. */
    public String getKnownHosts() { return knownHosts; }
    @DataBoundSetter public void setKnownHosts(String knownHosts) { this.knownHosts = Values.trimToNull(knownHosts); }

    /** A known_hosts file on the agent that runs the step. */
    public String getKnownHostsFile() { return knownHostsFile; }
    @DataBoundSetter public void setKnownHostsFile(String knownHostsFile) { this.knownHostsFile = Values.trimToNull(knownHostsFile); }

    /** With acceptFirst: the key accepted on first connection, trusted from then on. */
    public String getLearnedHostKey() { return learnedHostKey; }
    @DataBoundSetter public void setLearnedHostKey(String learnedHostKey) { this.learnedHostKey = Values.trimToNull(learnedHostKey); }

    public String getJumpHost() { return jumpHost; }
    @DataBoundSetter public void setJumpHost(String jumpHost) { this.jumpHost = Values.trimToNull(jumpHost); }

    public boolean isSudo() { return sudo; }
    @DataBoundSetter public void setSudo(boolean sudo) { this.sudo = sudo; }

    public String getConnectTimeout() { return connectTimeout; }
    @DataBoundSetter public void setConnectTimeout(String timeout) { this.connectTimeout = Values.trimOr(timeout, DEFAULT_CONNECT_TIMEOUT); }

    public String getComposeCommand() { return composeCommand; }
    @DataBoundSetter public void setComposeCommand(String composeCommand) { this.composeCommand = Values.trimToNull(composeCommand); }

    public String getNginxTestCommand() { return nginxTestCommand; }
    @DataBoundSetter public void setNginxTestCommand(String nginxTestCommand) { this.nginxTestCommand = Values.trimToNull(nginxTestCommand); }

    public String getNginxReloadCommand() { return nginxReloadCommand; }
    @DataBoundSetter public void setNginxReloadCommand(String nginxReloadCommand) { this.nginxReloadCommand = Values.trimToNull(nginxReloadCommand); }

    /**
     * This host as the engine's plain value, given the login its credential resolved to and the jump host's own spec.
     * The known keys are the pasted lines, plus the key learned on first use.
     */
    public HostSpec toSpec(HostSpec.Login login, HostSpec jump) {
        HostKeyMode mode = HostKeyMode.byValue(hostKeyVerification).orElseThrow(() -> new IllegalArgumentException(
                "hostKeyVerification '" + hostKeyVerification + "' is not one of strict, acceptFirst, off"));
        List<String> keys = new ArrayList<>();
        if (knownHosts != null) {
            keys.add(knownHosts);
        }
        if (learnedHostKey != null && mode == HostKeyMode.ACCEPT_FIRST) {
            keys.add(learnedHostKey);
        }
        return HostSpec.builder(name, hostname).port(port).login(username != null ? username : login.user(), login.credentials())
                .hostKeys(new HostKeyVerification(mode, keys, knownHostsFile)).jumpHost(jump).sudo(sudo)
                .connectTimeout(Durations.parse("connectTimeout", connectTimeout))
                .stepDefaults(HostStepDefaults.parse(composeCommand, nginxTestCommand, nginxReloadCommand)).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployHost h && Objects.equals(name, h.name) && Objects.equals(hostname, h.hostname) && port == h.port
                && Objects.equals(credentialsId, h.credentialsId) && Objects.equals(username, h.username)
                && Objects.equals(hostKeyVerification, h.hostKeyVerification) && Objects.equals(knownHosts, h.knownHosts)
                && Objects.equals(knownHostsFile, h.knownHostsFile) && Objects.equals(learnedHostKey, h.learnedHostKey)
                && Objects.equals(jumpHost, h.jumpHost) && sudo == h.sudo && Objects.equals(connectTimeout, h.connectTimeout)
                && Objects.equals(composeCommand, h.composeCommand) && Objects.equals(nginxTestCommand, h.nginxTestCommand)
                && Objects.equals(nginxReloadCommand, h.nginxReloadCommand);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hostname, port);
    }

    @Override
    public String toString() {
        return name + " (" + hostname + ":" + port + ")";
    }

    @Extension
    public static class DescriptorImpl extends Descriptor<DeployHost> {

        @Override
        public String getDisplayName() { return "Deploy host"; }

        /**
         * The check of a field judged by its value alone, at {@code <descriptor>/field/<name>/check}: the rule the save and
         * the engine apply. Administrators only, as every check of this global form.
         */
        public FieldCheck getField(String name) {
            return HostChecks.field(name).map(rule -> FieldCheck.ofText(name, v -> FormChecks.isAdministrator() ? rule.apply(v) : Optional.empty()))
                    .orElse(null);
        }

        @POST
        public FormValidation doCheckKnownHosts(@QueryParameter String value, @QueryParameter String hostKeyVerification,
                @QueryParameter String knownHostsFile, @QueryParameter String hostname, @QueryParameter String port) {
            if (!FormChecks.isAdministrator()) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(HostChecks.knownHosts(hostKeyVerification, value, knownHostsFile, HostChecks.knownHostsName(hostname, port)));
        }

        @POST
        public FormValidation doCheckHostKeyVerification(@QueryParameter String value) {
            if (!FormChecks.isAdministrator()) {
                return FormValidation.ok();
            }
            if (HostKeyMode.OFF.toString().equals(value)) {
                return FormValidation.warning("No verification: nothing protects connections to this host against "
                        + "impersonation, and every build that uses it says so. Prefer acceptFirst once, then keep the learned key.");
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckJumpHost(@QueryParameter String value, @QueryParameter String name) {
            if (!FormChecks.isAdministrator()) {
                return FormValidation.ok();
            }
            String jump = Values.trimToNull(value);
            if (jump == null) {
                return FormValidation.ok();
            }
            if (jump.equals(Values.trimToNull(name))) {
                return FormValidation.error("a host cannot be its own jump host");
            }
            return DeployHostsConfiguration.get().find(jump).isPresent() ? FormValidation.ok()
                    : FormValidation.warning("no saved host is named '" + jump + "' (yet)");
        }

        public ListBoxModel doFillHostKeyVerificationItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("Known host keys (strict)", HostKeyMode.STRICT.toString());
            items.add("Accept the first key, then keep it", HostKeyMode.ACCEPT_FIRST.toString());
            items.add("No verification (insecure)", HostKeyMode.OFF.toString());
            return items;
        }

        /**
         * The credentials recipe for a global configuration: only administrators may list credentials, and only
         * those a build can use (not SYSTEM-scoped ones).
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return new StandardListBoxModel().includeCurrentValue(credentialsId);
            }
            return new StandardListBoxModel().includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernameCredentials.class,
                            URIRequirementBuilder.fromUri("ssh://").build(),
                            CredentialsMatchers.allOf(HostSpecs.sshCredentials(), HostSpecs.buildsCanUse()))
                    .includeCurrentValue(credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
            if (Values.trimToNull(value) == null) {
                return FormValidation.error("choose an SSH credential (SSH user name with private key, or user name and password)");
            }
            return HostSpecs.systemCredentials().find(value) == null
                    ? FormValidation.error("no SSH user name with private key or user name and password credential with ID '" + value
                            + "' that builds can use (a System-scoped credential is for Jenkins itself: give it Global scope)")
                    : FormValidation.ok();
        }

        /**
         * Connects with the values in the form (saved or not): verifies the host key by the chosen policy, logs
         * in, runs {@code true}, and reports the fingerprint it saw. POST only: it has side effects and uses a
         * credential.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String hostname, @QueryParameter String port,
                @QueryParameter String credentialsId, @QueryParameter String username, @QueryParameter String hostKeyVerification,
                @QueryParameter String knownHosts, @QueryParameter String knownHostsFile, @QueryParameter String learnedHostKey,
                @QueryParameter String jumpHost, @QueryParameter String connectTimeout) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            DeployHost host = new DeployHost(Values.trimToNull(name) == null ? "test" : name, hostname, credentialsId);
            try {
                host.setPort(Integer.parseInt(String.valueOf(port).trim()));
            } catch (NumberFormatException e) {
                return FormValidation.error("port: '" + port + "' is not a port number");
            }
            host.setUsername(username);
            host.setHostKeyVerification(hostKeyVerification);
            host.setKnownHosts(knownHosts);
            host.setKnownHostsFile(knownHostsFile);
            host.setLearnedHostKey(learnedHostKey);
            host.setJumpHost(jumpHost);
            host.setConnectTimeout(connectTimeout);
            // The entry alone: its jump host is looked up among the saved hosts, with the rest of the chain, below.
            List<String> problems = HostChecks.entry(host);
            if (!problems.isEmpty()) {
                return FormValidation.error(String.join("; ", problems));
            }
            HostSpec spec;
            try {
                spec = new HostSpecs(DeployHostsConfiguration.get(), HostSpecs.systemCredentials()).toSpec(host);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            ConnectionTest.Result result = ConnectionTest.run(spec);
            return result.ok() ? FormValidation.ok(result.message()) : FormValidation.error(result.message());
        }
    }
}
