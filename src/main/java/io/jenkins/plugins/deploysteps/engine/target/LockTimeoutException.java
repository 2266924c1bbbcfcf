package io.jenkins.plugins.deploysteps.engine.target;

/** A lock was still held by someone else when the wait ran out; the message names the holder. */
public class LockTimeoutException extends TargetException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message) {
        super(message);
    }
}
