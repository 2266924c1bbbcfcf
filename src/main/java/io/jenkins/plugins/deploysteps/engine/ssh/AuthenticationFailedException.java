package io.jenkins.plugins.deploysteps.engine.ssh;

/** The host refused our credentials (wrong key, wrong password, key not authorized). */
public class AuthenticationFailedException extends SshConnectException {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
