package io.jenkins.plugins.deploysteps.engine.target;

/**
 * Something went wrong talking to a target: the message says what, on which host, in words a deployment
 * engineer can act on. Messages never contain credentials.
 */
public class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
