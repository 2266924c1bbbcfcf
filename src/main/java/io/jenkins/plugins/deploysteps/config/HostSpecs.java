package io.jenkins.plugins.deploysteps.config;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostRules;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import java.util.Optional;
import java.util.function.Function;
import jenkins.model.Jenkins;

/**
 * Turns configured host names into the engine's {@link HostSpec}s: the host's entry, its credential as plain
 * values, and its jump hosts, recursively. Where credentials come from is the caller's choice: the system
 * (a configuration form's Test connection) or a running build (which also tracks their use).
 */
public final class HostSpecs implements HostResolver {
    /** The credential types a host can log in with. */
    public static CredentialsMatcher sshCredentials() {
        return CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(SSHUserPrivateKey.class), CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
    }

    /** Finds the login a credential ID stands for; null when there is none the caller may use. */
    @FunctionalInterface
    public interface CredentialSource {
        HostSpec.Login find(String credentialsId);
    }

    private final Function<String, Optional<DeployHost>> hosts;
    private final CredentialSource credentials;

    public HostSpecs(DeployHostsConfiguration config, CredentialSource credentials) {
        this(config::find, credentials);
    }

    public HostSpecs(Function<String, Optional<DeployHost>> hosts, CredentialSource credentials) {
        this.hosts = hosts;
        this.credentials = credentials;
    }

    @Override
    public HostSpec resolve(String field, String name) {
        DeployHost host = hosts.apply(name).orElseThrow(() -> new SpecException(field,
                HostRules.unknownHost(name) + "; hosts are configured under Manage Jenkins > System > Deploy hosts"));
        return toSpec(host, field);
    }

    /** A host that need not be saved yet (the configuration form's Test connection). */
    public HostSpec toSpec(DeployHost host) {
        return toSpec(host, "host");
    }

    private HostSpec toSpec(DeployHost host, String field) {
        // The host itself may not be saved (Test connection): its own jump host is the one it names.
        HostRules.jumpCycle(host.getName(), n -> n.equals(host.getName()) ? host.getJumpHost() : hosts.apply(n).map(DeployHost::getJumpHost).orElse(null))
                .ifPresent(cycle -> {
                    throw new SpecException(field, HostRules.cycleProblem(cycle));
                });
        HostSpec jump = null;
        if (host.getJumpHost() != null) {
            DeployHost j = hosts.apply(host.getJumpHost())
                    .orElseThrow(() -> new SpecException(field, HostRules.jumpHostNotConfigured(host.getName(), host.getJumpHost())));
            jump = toSpec(j, field);
        }
        if (host.getCredentialsId() == null) {
            throw new SpecException(field, "host '" + host.getName() + "' has no credential configured");
        }
        HostSpec.Login login = credentials.find(host.getCredentialsId());
        if (login == null) {
            throw new SpecException(field, "host '" + host.getName() + "': no SSH credential '" + host.getCredentialsId()
                    + "' that this job may use (SSH user name with private key, or user name and password)");
        }
        try {
            return host.toSpec(login, jump);
        } catch (IllegalArgumentException e) {
            throw new SpecException(field, "host '" + host.getName() + "': " + e.getMessage());
        }
    }

    /** Credentials as the system sees them, for global configuration forms. */
    public static CredentialSource systemCredentials() {
        return id -> {
            StandardUsernameCredentials c = CredentialsProvider.findCredentialByIdInItemGroup(id, StandardUsernameCredentials.class, Jenkins.get(),
                    ACL.SYSTEM2, URIRequirementBuilder.fromUri("ssh://").build());
            return c == null || !buildsCanUse().matches(c) ? null : login(c);
        };
    }

    /**
     * A build finds a host's credential in its job's context, where SYSTEM-scoped credentials (meant for Jenkins
     * itself) are not visible: only those a global host may name.
     */
    public static CredentialsMatcher buildsCanUse() {
        return CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM));
    }

    /** The engine's view of a Jenkins SSH credential; null for credential types SSH cannot use. */
    public static HostSpec.Login login(StandardUsernameCredentials c) {
        if (c instanceof SSHUserPrivateKey key && !key.getPrivateKeys().isEmpty()) {
            Secret passphrase = key.getPassphrase();
            String pass = passphrase == null || passphrase.getPlainText().isEmpty() ? null : passphrase.getPlainText();
            return new HostSpec.Login(c.getUsername(), new SshCredentials.PrivateKey(key.getPrivateKeys().get(0), pass));
        }
        if (c instanceof StandardUsernamePasswordCredentials p) {
            return new HostSpec.Login(c.getUsername(), new SshCredentials.Password(p.getPassword().getPlainText()));
        }
        return null;
    }
}
