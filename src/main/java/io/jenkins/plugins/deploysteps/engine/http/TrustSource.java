package io.jenkins.plugins.deploysteps.engine.http;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificate authorities a server's chain must lead to: the JVM's own, or a CA bundle (PEM) the step
 * was given instead, as curl's {@code --cacert} does. There is deliberately no "trust everything".
 *
 * @param pem null for the JVM's trust store
 */
public record TrustSource(String pem) implements Serializable {
    public static final TrustSource JVM = new TrustSource(null);

    /** A bundle of one or more PEM certificates; refused when it holds none. */
    public static TrustSource caBundle(String pem) throws CertificateException {
        if (certificates(pem).isEmpty()) {
            throw new CertificateException("no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return new TrustSource(pem);
    }

    public String describe() {
        if (pem == null) {
            return "the JVM's trusted CAs";
        }
        try {
            List<String> names = new ArrayList<>();
            for (X509Certificate c : certificates(pem)) {
                names.add(c.getSubjectX500Principal().getName());
            }
            return "the configured CA bundle (" + String.join("; ", names) + ")";
        } catch (CertificateException e) {
            return "the configured CA bundle";
        }
    }

    /** The trust manager that decides, before any recording wrapper. */
    X509ExtendedTrustManager trustManager() throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (pem == null) {
            f.init((KeyStore) null);
        } else {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            int i = 0;
            for (X509Certificate c : certificates(pem)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            f.init(store);
        }
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JVM offers no X509ExtendedTrustManager");
    }

    static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            return out;
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }
}
