package io.jenkins.plugins.deploysteps.engine.magiclink;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a session travels with a request: {@code bearer} (Authorization header), {@code cookie} (the session cookie),
 * {@code header:<Name>} (a header of its own), or {@code bodyField:<name>} (a field of the JSON body, for APIs that take
 * the token there).
 */
public sealed interface SessionTransport extends Serializable
        permits SessionTransport.Bearer, SessionTransport.Cookie, SessionTransport.Header, SessionTransport.BodyField {

    Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    record Bearer() implements SessionTransport {
        @Override
        public String toString() {
            return "bearer";
        }
    }

    record Cookie() implements SessionTransport {
        @Override
        public String toString() {
            return "cookie";
        }
    }

    record Header(String name) implements SessionTransport {
        @Override
        public String toString() {
            return "header:" + name;
        }
    }

    record BodyField(String field) implements SessionTransport {
        @Override
        public String toString() {
            return "bodyField:" + field;
        }
    }

    /** What a user wrote; empty when it is none of the forms. */
    static Optional<SessionTransport> parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("bearer")) {
            return Optional.of(new Bearer());
        }
        if (t.equalsIgnoreCase("cookie")) {
            return Optional.of(new Cookie());
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String kind = t.substring(0, colon).trim();
            String name = t.substring(colon + 1).trim();
            if (kind.equalsIgnoreCase("bodyField") && FIELD.matcher(name).matches()) {
                return Optional.of(new BodyField(name));
            }
            if (kind.equalsIgnoreCase("header") && HEADER.matcher(name).matches()) {
                return Optional.of(new Header(name));
            }
        }
        return Optional.empty();
    }
}
