package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Signature stub of plain-credentials (org.jenkins-ci.plugins:plain-credentials); compile only. */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
