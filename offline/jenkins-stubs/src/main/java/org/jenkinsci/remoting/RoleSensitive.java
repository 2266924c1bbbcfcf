package org.jenkinsci.remoting;

/** Signature stub of remoting (org.jenkins-ci.main:remoting); compile only. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
