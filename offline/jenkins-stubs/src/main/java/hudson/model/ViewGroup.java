package hudson.model;

import hudson.security.AccessControlled;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {}
