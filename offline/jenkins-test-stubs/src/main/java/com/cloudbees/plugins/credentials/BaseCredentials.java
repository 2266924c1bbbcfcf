package com.cloudbees.plugins.credentials;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class BaseCredentials implements Credentials {
    public BaseCredentials(CredentialsScope scope) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException();
    }
}
