package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class ComputerLauncher implements Describable<ComputerLauncher>, ExtensionPoint {}
