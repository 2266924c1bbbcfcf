package jenkins.agents;

import hudson.FilePath;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {}
