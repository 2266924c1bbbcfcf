package io.jenkins.plugins.deploysteps.engine.ssh;

import java.io.Serializable;

/**
 * How to log in. Plain values, so they can travel to a Jenkins agent; {@code toString} never shows a secret,
 * and {@link #secrets()} lists every value the masker must hide.
 */
public sealed interface SshCredentials extends Serializable permits SshCredentials.PrivateKey, SshCredentials.Password,
        SshCredentials.Agent {

    String[] secrets();

    /** Refuses a login that could not work: an empty key, password or agent socket ({@code what}). */
    static void require(boolean given, String what) {
        if (!given) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }

    /** An OpenSSH or PEM private key (ed25519, ecdsa, rsa), optionally with a passphrase. */
    record PrivateKey(String keyText, String passphrase) implements SshCredentials {
        public PrivateKey {
            require(keyText != null && !keyText.isBlank(), "private key");
        }

        @Override public String[] secrets() { return passphrase == null ? new String[] {keyText} : new String[] {keyText, passphrase}; }

        @Override public String toString() { return "private key" + (passphrase == null ? "" : " with passphrase"); }
    }

    record Password(String password) implements SshCredentials {
        public Password {
            require(password != null && !password.isEmpty(), "password");
        }

        @Override public String[] secrets() { return new String[] {password}; }

        @Override public String toString() { return "password"; }
    }

    /** The keys an ssh-agent holds, reached through its socket ({@code SSH_AUTH_SOCK}): no key ever enters this process. */
    record Agent(String socket) implements SshCredentials {
        public Agent {
            require(socket != null && !socket.isBlank(), "ssh-agent socket");
        }

        @Override public String[] secrets() { return new String[0]; }

        @Override public String toString() { return "ssh-agent"; }
    }
}
