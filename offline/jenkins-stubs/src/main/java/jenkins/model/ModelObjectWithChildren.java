package jenkins.model;

import hudson.model.ModelObject;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface ModelObjectWithChildren extends ModelObject {}
