package io.jenkins.plugins.deploysteps.engine.secret;

import java.io.Serializable;
import java.util.List;

/**
 * A credential as plain values, resolved by a front end before a step runs: Jenkins from its credentials
 * store, the CLI from a plan's {@code credentials:} section. Its secrets go to the masker before anything can
 * print them, and {@link #toString()} never shows them.
 */
public sealed interface Credential extends Serializable permits Credential.SecretText, Credential.UsernamePassword, Credential.SecretFile {

    /** Every value the masker must hide. */
    List<String> secrets();

    /** What kind of credential it is, for messages: {@code secret text}. */
    String kind();

    /** A token or any other single secret string. */
    record SecretText(String secret) implements Credential {
        @Override public List<String> secrets() { return List.of(secret); }

        @Override public String kind() { return "secret text"; }

        @Override public String toString() { return "SecretText[" + SecretMasker.MASK + "]"; }
    }

    /** A user name and its password; only the password is secret. */
    record UsernamePassword(String username, String password) implements Credential {
        @Override public List<String> secrets() { return List.of(password); }

        @Override public String kind() { return "username with password"; }

        @Override public String toString() { return "UsernamePassword[" + username + ", " + SecretMasker.MASK + "]"; }
    }

    /** A file's content (a CA bundle, say). It is never printed, so there is nothing to register with the masker. */
    record SecretFile(String fileName, byte[] content) implements Credential {
        public SecretFile {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }

        @Override
        public String kind() {
            return "secret file";
        }

        @Override
        public String toString() {
            return "SecretFile[" + fileName + "]";
        }
    }
}
