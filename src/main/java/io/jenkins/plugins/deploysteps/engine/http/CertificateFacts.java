package io.jenkins.plugins.deploysteps.engine.http;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a report says about one certificate: who it is for, who issued it, the names it covers, when it expires. */
public record CertificateFacts(String subject, String issuer, List<String> subjectAltNames, Instant notBefore, Instant notAfter) {

    public CertificateFacts {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public static CertificateFacts of(X509Certificate c) {
        return new CertificateFacts(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(), altNames(c),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }

    /** Whole days from {@code now} until expiry; negative once expired. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).getSeconds(), 86_400L);
    }

    public boolean selfIssued() {
        return subject.equals(issuer);
    }

    private static List<String> altNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    Object type = n.get(0);
                    if (Integer.valueOf(2).equals(type)) {
                        out.add("DNS:" + n.get(1));
                    } else if (Integer.valueOf(7).equals(type)) {
                        out.add("IP:" + n.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }

    @Override
    public String toString() {
        return subject + " (issuer " + issuer + ", names " + String.join(" ", subjectAltNames) + ", expires " + notAfter + ")";
    }
}
