package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheckParams.MailboxMap;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import java.net.URI;

/** Reads magicLinkAuthCheck's {@code mailbox} map: only the parameters its {@code type} uses, the others refused by name. */
final class MailboxBinding {
    private MailboxBinding() {}

    static MailboxSpec bind(Params p, TrustSource trust) {
        Params m = p.get(MagicLinkAuthCheckParams.MAILBOX).orElseThrow(() -> new SpecException(p.path(MagicLinkAuthCheckParams.MAILBOX.name()),
                "is required: where the email is read, e.g. [type: 'mailpit', url: 'http://mail.internal:8025']"));
        MailboxSpec.Type type = m.get(MailboxMap.TYPE);
        if (type == null) {
            throw new SpecException(m.path(MailboxMap.TYPE.name()), "is required: one of 'mailpit', 'mailhog', 'maildev', 'imap', 'command'");
        }
        MailboxSpec spec = switch (type) {
            case MAILPIT, MAILHOG, MAILDEV -> {
                URI url = MagicLinkValues.baseUrl(m, MailboxMap.URL.name(), required(m, MailboxMap.URL));
                HttpAuth auth = m.get(MailboxMap.CREDENTIALS_ID).map(c -> {
                    if (!(c instanceof Credential.UsernamePassword)) {
                        throw new SpecException(m.path(MailboxMap.CREDENTIALS_ID.name()), "a " + c.kind() + " cannot log in to a mail server's web API; "
                                + "use a user name with password");
                    }
                    return HttpAuth.of(m.path(MailboxMap.CREDENTIALS_ID.name()), c);
                }).orElse(null);
                yield new MailboxSpec.HttpApi(type, url, auth);
            }
            case IMAP -> imap(m, trust);
            case COMMAND -> new MailboxSpec.Command(required(m, MailboxMap.HOST), required(m, MailboxMap.COMMAND), m.get(MailboxMap.TIMEOUT));
        };
        m.done();
        return spec;
    }

    private static MailboxSpec.Imap imap(Params m, TrustSource stepTrust) {
        String host = required(m, MailboxMap.HOST);
        if (!MagicLinkValues.DOMAIN.matcher(host).matches() && !host.matches("[0-9A-Fa-f:.]+")) {
            throw new SpecException(m.path(MailboxMap.HOST.name()), "'" + host + "' is not a host name or address");
        }
        MailboxSpec.Security security = m.get(MailboxMap.SECURITY);
        int port = m.get(MailboxMap.PORT, security == MailboxSpec.Security.SSL ? 993 : 143);
        Credential c = m.get(MailboxMap.CREDENTIALS_ID).orElseThrow(() -> new SpecException(m.path(MailboxMap.CREDENTIALS_ID.name()),
                "is required: a user name with password that logs in to the mailbox"));
        if (!(c instanceof Credential.UsernamePassword up)) {
            throw new SpecException(m.path(MailboxMap.CREDENTIALS_ID.name()), "a " + c.kind() + " cannot log in to IMAP; use a user name with password");
        }
        String folder = m.get(MailboxMap.FOLDER);
        TrustSource trust = m.get(MailboxMap.CA_CREDENTIALS_ID).map(ca -> TrustSource.fromCredential(m.path(MailboxMap.CA_CREDENTIALS_ID.name()), ca))
                .orElse(stepTrust);
        return new MailboxSpec.Imap(host, port, security, up.username(), up.password(), folder, trust);
    }

    /** A parameter this mailbox type needs. */
    private static String required(Params m, Param<String> param) {
        String v = m.get(param);
        if (v == null) {
            throw new SpecException(m.path(param.name()), "is required");
        }
        return v;
    }
}
