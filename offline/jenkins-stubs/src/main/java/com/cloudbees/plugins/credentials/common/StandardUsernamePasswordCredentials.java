package com.cloudbees.plugins.credentials.common;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {}
