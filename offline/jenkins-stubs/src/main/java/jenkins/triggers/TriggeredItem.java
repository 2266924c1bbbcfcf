package jenkins.triggers;

import hudson.model.Item;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface TriggeredItem extends Item {}
