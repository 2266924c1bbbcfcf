package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
