package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import hudson.util.Secret;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials implements StandardUsernamePasswordCredentials {
    public UsernamePasswordCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id, @CheckForNull String description,
            @CheckForNull String username, @CheckForNull String password) throws Descriptor.FormException {
        super(scope, id, description);
        throw new UnsupportedOperationException();
    }

    @NonNull
    public Secret getPassword() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getUsername() {
        throw new UnsupportedOperationException();
    }
}
