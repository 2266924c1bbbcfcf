package io.jenkins.plugins.deploysteps.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;
import io.jenkins.plugins.deploysteps.config.HostSpecs;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Credentials as a running build may use them: looked up with the job's authentication (which also resolves
 * credentials parameters) and tracked, so the credential's usage page lists the build.
 */
final class RunCredentials {
    private RunCredentials() {}

    static HostSpecs.CredentialSource of(Run<?, ?> run) {
        return id -> {
            StandardUsernameCredentials c = CredentialsProvider.findCredentialById(id, StandardUsernameCredentials.class, run,
                    URIRequirementBuilder.fromUri("ssh://").build());
            if (c == null) {
                return null;
            }
            CredentialsProvider.track(run, c);
            return HostSpecs.login(c);
        };
    }

    /**
     * Credential IDs in step parameters (a check's {@code credentialsId}, a CA bundle) as plain values for the spec:
     * secret text, user name with password, or a secret file.
     */
    static CredentialResolver secrets(Run<?, ?> run) {
        return (field, id) -> {
            StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, URIRequirementBuilder.create().build());
            if (c == null) {
                throw new SpecException(field, "no credential '" + id + "' that this job may use");
            }
            CredentialsProvider.track(run, c);
            return plain(field, id, c);
        };
    }

    static Credential plain(String field, String id, StandardCredentials c) {
        if (c instanceof StringCredentials s) {
            return new Credential.SecretText(s.getSecret().getPlainText());
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return new Credential.UsernamePassword(up.getUsername(), up.getPassword().getPlainText());
        }
        if (c instanceof FileCredentials f) {
            try (InputStream in = f.getContent()) {
                return new Credential.SecretFile(f.getFileName(), in.readAllBytes());
            } catch (IOException e) {
                throw new SpecException(field, "cannot read secret file credential '" + id + "': " + e.getMessage());
            }
        }
        throw new SpecException(field, "credential '" + id + "' is not secret text, a user name with password, or a secret file");
    }
}
