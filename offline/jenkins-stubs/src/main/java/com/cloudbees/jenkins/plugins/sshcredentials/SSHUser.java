package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

/** Signature stub of ssh-credentials (org.jenkins-ci.plugins:ssh-credentials); compile only. */
@Deprecated
public interface SSHUser extends StandardUsernameCredentials {}
