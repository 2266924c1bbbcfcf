package io.jenkins.plugins.deploysteps.engine.ssh;

/** The host offered a key we do not trust. Never retried: it may be an attacker, and retrying will not change that. */
public class HostKeyRejectedException extends SshConnectException {
    private static final long serialVersionUID = 1L;

    public HostKeyRejectedException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
