package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {}
