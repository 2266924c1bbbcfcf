package jenkins.model.queue;

import jenkins.model.FullyNamedModelObject;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface ITask extends FullyNamedModelObject {}
