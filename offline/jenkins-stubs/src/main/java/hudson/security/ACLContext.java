package hudson.security;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class ACLContext implements AutoCloseable {
    private ACLContext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
