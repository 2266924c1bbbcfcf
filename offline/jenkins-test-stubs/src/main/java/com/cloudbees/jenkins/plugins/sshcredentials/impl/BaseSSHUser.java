package com.cloudbees.jenkins.plugins.sshcredentials.impl;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUser;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;

/** Signature stub of ssh-credentials (org.jenkins-ci.plugins:ssh-credentials); compile only. */
public class BaseSSHUser extends BaseStandardCredentials implements SSHUser, StandardUsernameCredentials {
    public BaseSSHUser(CredentialsScope scope, String id, String username, String description) {
        super(scope, id, description);
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException();
    }
}
