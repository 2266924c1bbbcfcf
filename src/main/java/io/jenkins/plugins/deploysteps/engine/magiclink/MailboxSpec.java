package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Where the test address's mail is read: a test mail server's HTTP API, an IMAP folder, or a command's output on a host. */
public sealed interface MailboxSpec extends Serializable permits MailboxSpec.HttpApi, MailboxSpec.Imap, MailboxSpec.Command {

    /** The {@code mailbox.type} values. */
    enum Type {
        MAILPIT,
        MAILHOG,
        MAILDEV,
        IMAP,
        COMMAND;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Type type();

    /** For messages: {@code mailpit at http://mail:8025}. */
    String describe();

    default List<String> secrets() {
        return List.of();
    }

    /** Mailpit, MailHog or MailDev by their HTTP APIs at {@code url} (the web UI's address). */
    record HttpApi(Type type, URI url, HttpAuth auth) implements MailboxSpec {
        @Override
        public String describe() {
            return type + " at " + url;
        }

        @Override
        public List<String> secrets() {
            return auth == null ? List.of() : auth.secrets();
        }
    }

    /** TLS on an IMAP connection: implicit (imaps, port 993), STARTTLS (143), or none (only for a server on the same machine). */
    enum Security {
        SSL,
        STARTTLS,
        NONE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An IMAP folder; the password is a secret, and never in {@link #toString()}. */
    record Imap(String host, int port, Security security, String username, String password, String folder, TrustSource trust)
            implements MailboxSpec {
        @Override
        public Type type() {
            return Type.IMAP;
        }

        @Override
        public String describe() {
            return "imap " + username + "@" + host + ":" + port + "/" + folder;
        }

        @Override
        public List<String> secrets() {
            return List.of(password);
        }

        @Override
        public String toString() {
            return "Imap[" + describe() + ", " + security + "]";
        }
    }

    /** A command on a configured host whose output contains the link (an app that logs links in development). */
    record Command(String host, String command, Duration timeout) implements MailboxSpec {
        @Override
        public Type type() {
            return Type.COMMAND;
        }

        @Override
        public String describe() {
            return "the output of '" + command + "' on " + host;
        }
    }
}
