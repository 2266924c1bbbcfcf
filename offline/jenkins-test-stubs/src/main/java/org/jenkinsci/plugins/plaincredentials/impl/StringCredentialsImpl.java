package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Signature stub of plain-credentials (org.jenkins-ci.plugins:plain-credentials); compile only. */
public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        super(scope, id, description);
        throw new UnsupportedOperationException();
    }

    @Override
    public Secret getSecret() {
        throw new UnsupportedOperationException();
    }
}
