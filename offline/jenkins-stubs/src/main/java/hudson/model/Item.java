package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface Item extends AccessControlled {
    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
