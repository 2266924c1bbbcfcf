package hudson.model;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface BuildableItemWithBuildWrappers extends BuildableItem {}
