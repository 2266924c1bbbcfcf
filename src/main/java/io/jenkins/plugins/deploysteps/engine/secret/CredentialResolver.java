package io.jenkins.plugins.deploysteps.engine.secret;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;

/**
 * Turns a credential ID from step parameters into the credential's plain values. Jenkins looks it up in its
 * credentials store with the build's authentication; the CLI reads the plan's {@code credentials:} section.
 */
@FunctionalInterface
public interface CredentialResolver {

    /** @throws SpecException naming {@code field} when there is no such credential the run may use */
    Credential resolve(String field, String credentialsId);

    /** For front ends that have no credentials (form checks): every ID is refused. */
    CredentialResolver NONE = (field, id) -> {
        throw new SpecException(field, "credential '" + id + "' cannot be resolved here (no credentials are available)");
    };
}
