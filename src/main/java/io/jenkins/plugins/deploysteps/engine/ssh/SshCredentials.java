package io.jenkins.plugins.deploysteps.engine.ssh;

import java.io.Serializable;

/**
 * How to log in. Plain values, so they can travel to a Jenkins agent; {@code toString} never shows a secret,
 * and {@link #secrets()} lists every value the masker must hide.
 */
public sealed interface SshCredentials extends Serializable permits SshCredentials.PrivateKey, SshCredentials.Password,
        SshCredentials.Agent {

    String[] secrets();

    /** An OpenSSH or PEM private key (ed25519, ecdsa, rsa), optionally with a passphrase. */
    record PrivateKey(String keyText, String passphrase) implements SshCredentials {
        public PrivateKey {
            if (keyText == null || keyText.isBlank()) {
                throw new IllegalArgumentException("private key is empty");
            }
        }

        @Override
        public String[] secrets() {
            return passphrase == null ? new String[] {keyText} : new String[] {keyText, passphrase};
        }

        @Override
        public String toString() {
            return "private key" + (passphrase == null ? "" : " with passphrase");
        }
    }

    record Password(String password) implements SshCredentials {
        public Password {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password is empty");
            }
        }

        @Override
        public String[] secrets() {
            return new String[] {password};
        }

        @Override
        public String toString() {
            return "password";
        }
    }

    /** The keys an ssh-agent holds, reached through its socket ({@code SSH_AUTH_SOCK}): no key ever enters this process. */
    record Agent(String socket) implements SshCredentials {
        public Agent {
            if (socket == null || socket.isBlank()) {
                throw new IllegalArgumentException("ssh-agent socket is empty");
            }
        }

        @Override
        public String[] secrets() {
            return new String[0];
        }

        @Override
        public String toString() {
            return "ssh-agent";
        }
    }
}
