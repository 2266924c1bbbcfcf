package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public interface UsernameCredentials extends Credentials {
    String getUsername();
}
