package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
        throw new UnsupportedOperationException();
    }
}
