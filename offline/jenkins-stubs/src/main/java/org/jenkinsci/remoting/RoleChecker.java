package org.jenkinsci.remoting;

/** Signature stub of remoting (org.jenkins-ci.main:remoting); compile only. */
public abstract class RoleChecker {}
