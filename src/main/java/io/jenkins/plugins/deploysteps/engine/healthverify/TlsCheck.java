package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec.TlsPolicy;
import io.jenkins.plugins.deploysteps.engine.http.CertificateFacts;
import io.jenkins.plugins.deploysteps.engine.http.TlsInfo;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The certificate check of an https request: the chain leads to a trusted CA, the certificate names the host,
 * and it does not expire within {@code failDays} (FAIL) or {@code warnDays} (WARN). Subject, issuer, names and
 * expiry go into the report whatever the verdict.
 */
final class TlsCheck {
    private TlsCheck() {}

    /** The check, and whether the certificate lets its request count as healthy (expiring soon still does). */
    record Result(Check check, boolean acceptable) {}

    static Result evaluate(Check.Builder c, TlsInfo tls, String host, TlsPolicy policy, String trustedBy, Instant now) {
        Check check = judge(c, tls, host, policy, trustedBy, now);
        CertificateFacts leaf = tls.leaf();
        return new Result(check, leaf != null && tls.trusted() && tls.hostMatches() && leaf.daysLeft(now) >= policy.failDays());
    }

    private static Check judge(Check.Builder c, TlsInfo tls, String host, TlsPolicy policy, String trustedBy, Instant now) {
        c.expected("chain trusted by " + trustedBy + ", names " + host + ", expires in more than " + policy.warnDays() + " days");
        CertificateFacts leaf = tls.leaf();
        if (leaf == null) {
            return c.actual("no certificate").fail("the server sent no certificate" + (tls.problem() == null ? "" : ": " + tls.problem()));
        }
        long days = leaf.daysLeft(now);
        c.actual("subject " + leaf.subject() + "; issuer " + leaf.issuer() + "; names " + String.join(" ", leaf.subjectAltNames())
                + "; expires " + leaf.notAfter() + " (" + days(days) + ")");
        c.evidence("certificate chain", chain(tls));
        if (days < 0) {
            return c.fail("the certificate expired on " + leaf.notAfter() + " (" + -days + " days ago)");
        }
        if (!tls.trusted()) {
            return c.fail("the certificate chain is not trusted by " + trustedBy + " (issuer " + leaf.issuer() + "): " + tls.problem());
        }
        if (!tls.hostMatches()) {
            return c.fail("the certificate is not valid for " + host + " (it names " + String.join(", ", leaf.subjectAltNames()) + "): "
                    + tls.problem());
        }
        if (days < policy.failDays()) {
            return c.fail("the certificate expires in " + days + " days, less than failDays (" + policy.failDays() + ")");
        }
        if (days < policy.warnDays()) {
            return c.warn("the certificate expires in " + days + " days, less than warnDays (" + policy.warnDays() + ")");
        }
        return c.pass();
    }

    private static String days(long days) {
        return days < 0 ? "expired " + -days + " days ago" : days + " days left";
    }

    private static String chain(TlsInfo tls) {
        List<String> lines = new ArrayList<>();
        if (tls.protocol() != null) {
            lines.add(tls.protocol() + " " + tls.cipher());
        }
        for (int i = 0; i < tls.chain().size(); i++) {
            CertificateFacts f = tls.chain().get(i);
            lines.add(i + ": " + f.subject());
            lines.add("   issuer " + f.issuer());
            if (!f.subjectAltNames().isEmpty()) {
                lines.add("   names " + String.join(" ", f.subjectAltNames()));
            }
            lines.add("   valid " + f.notBefore() + " to " + f.notAfter());
        }
        return String.join("\n", lines);
    }
}
