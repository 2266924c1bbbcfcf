package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {}
