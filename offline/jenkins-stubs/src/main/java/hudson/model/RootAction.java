package hudson.model;

import hudson.ExtensionPoint;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface RootAction extends Action, ExtensionPoint {}
