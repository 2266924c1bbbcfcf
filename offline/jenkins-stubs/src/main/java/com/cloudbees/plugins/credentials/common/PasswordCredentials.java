package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
