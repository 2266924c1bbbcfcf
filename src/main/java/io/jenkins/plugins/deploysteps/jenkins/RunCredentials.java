package io.jenkins.plugins.deploysteps.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;
import io.jenkins.plugins.deploysteps.config.HostSpecs;

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
}
