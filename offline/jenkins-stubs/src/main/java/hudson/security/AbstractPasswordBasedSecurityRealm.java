package hudson.security;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {}
