package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How a request authenticates: a bearer token (from secret text) or HTTP basic (from a user name and password).
 * The header value is itself a secret: a base64 of "user:password" would get past a masker that only knows
 * the password.
 */
public sealed interface HttpAuth extends Serializable permits HttpAuth.Bearer, HttpAuth.Basic {

    /** The value of the {@code Authorization} header. */
    String headerValue();

    /** Everything the masker must hide, the header value included. */
    default List<String> secrets() {
        return List.of(headerValue());
    }

    /** A credential as request authentication; other credential kinds are refused, naming the field. */
    static HttpAuth of(String field, Credential credential) {
        if (credential instanceof Credential.SecretText t) {
            return new Bearer(t.secret());
        }
        if (credential instanceof Credential.UsernamePassword up) {
            return new Basic(up.username(), up.password());
        }
        throw new SpecException(field, "a " + credential.kind() + " cannot authenticate a request; use secret text (a bearer token) "
                + "or a user name with password (basic authentication)");
    }

    record Bearer(String token) implements HttpAuth {
        @Override
        public String headerValue() {
            return "Bearer " + token;
        }

        @Override
        public List<String> secrets() {
            return List.of(token, headerValue());
        }

        @Override
        public String toString() {
            return "Bearer " + SecretMasker.MASK;
        }
    }

    record Basic(String username, String password) implements HttpAuth {
        @Override
        public String headerValue() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<String> secrets() {
            return List.of(password, headerValue(), headerValue().substring("Basic ".length()));
        }

        @Override
        public String toString() {
            return "Basic " + username + ":" + SecretMasker.MASK;
        }
    }
}
