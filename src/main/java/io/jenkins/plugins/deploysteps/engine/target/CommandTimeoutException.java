package io.jenkins.plugins.deploysteps.engine.target;

/** A remote command ran past its timeout; the runner has already asked the host to kill it. */
public class CommandTimeoutException extends TargetException {
    private static final long serialVersionUID = 1L;

    public CommandTimeoutException(String message) {
        super(message);
    }
}
