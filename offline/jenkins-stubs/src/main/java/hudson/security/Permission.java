package hudson.security;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException();
    }
}
