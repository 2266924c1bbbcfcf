package jenkins.triggers;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface SCMTriggerItem {}
