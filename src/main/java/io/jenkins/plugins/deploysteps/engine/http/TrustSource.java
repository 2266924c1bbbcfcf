package io.jenkins.plugins.deploysteps.engine.http;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
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
import javax.net.ssl.SSLContext;
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

    /**
     * A credential holding PEM CA certificates (a secret file, or secret text) as a trust source; anything else is
     * refused, naming the field.
     */
    public static TrustSource fromCredential(String field, Credential c) {
        String pem;
        if (c instanceof Credential.SecretFile f) {
            pem = new String(f.content(), StandardCharsets.US_ASCII);
        } else if (c instanceof Credential.SecretText t) {
            pem = t.secret();
        } else {
            throw new SpecException(field, "a " + c.kind() + " is not a CA bundle; use a secret file or secret text holding PEM certificates");
        }
        try {
            return caBundle(pem);
        } catch (CertificateException e) {
            throw new SpecException(field, "not a CA bundle: " + e.getMessage());
        }
    }

    /** A TLS context that verifies servers against these CAs, for clients other than {@link Http} (IMAP, say). */
    public SSLContext sslContext() throws GeneralSecurityException {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustManager()}, null);
        return ssl;
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
