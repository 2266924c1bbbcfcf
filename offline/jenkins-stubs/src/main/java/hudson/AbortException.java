package hudson;

import java.io.IOException;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class AbortException extends IOException {
    public AbortException(String message) {
        throw new UnsupportedOperationException();
    }
}
