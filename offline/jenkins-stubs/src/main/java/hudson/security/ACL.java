package hudson.security;

import org.springframework.security.core.Authentication;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;
}
