package io.jenkins.plugins.deploysteps.engine.ssh;

/** The private key cannot be used: unreadable, encrypted without a passphrase, or the passphrase is wrong. */
public class PrivateKeyException extends SshConnectException {
    private static final long serialVersionUID = 1L;

    public PrivateKeyException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
