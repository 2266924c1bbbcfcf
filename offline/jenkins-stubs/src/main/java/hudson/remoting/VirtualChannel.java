package hudson.remoting;

/** Signature stub of remoting (org.jenkins-ci.main:remoting); compile only. */
public interface VirtualChannel {}
