package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.target.TargetException;

/** The TCP or SSH connection could not be set up. {@link #isRetryable()} tells whether trying again can help. */
public class SshConnectException extends TargetException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public SshConnectException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
