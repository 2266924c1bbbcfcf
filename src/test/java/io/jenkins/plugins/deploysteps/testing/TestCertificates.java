package io.jenkins.plugins.deploysteps.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for a test, in memory: a test CA and server certificates it signs (valid, expiring soon,
 * expired, for another host name), and a self-signed one no trust store knows.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate and its key; {@code issuer} is null for a self-signed one. */
    public record Issued(X509Certificate certificate, KeyPair keys, Issued issuer) {
        /** The server side of TLS: this certificate (and its issuer's) with its key. */
        public SSLContext serverContext() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                X509Certificate[] chain = issuer == null ? new X509Certificate[] {certificate}
                        : new X509Certificate[] {certificate, issuer.certificate()};
                store.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), chain);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, "pw".toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (java.io.IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String pem() {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
                pem.writeObject(certificate);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return w.toString();
        }
    }

    private TestCertificates() {}

    public static Issued ca(String name) {
        KeyPair keys = keys();
        Instant now = Instant.now();
        return new Issued(sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), true, null), keys, null);
    }

    /** A server certificate for 127.0.0.1 (and whatever {@code names} add), valid from yesterday for {@code validFor}. */
    public static Issued server(Issued ca, Duration validFor, GeneralName... names) {
        Instant now = Instant.now();
        return server(ca, now.minus(Duration.ofDays(1)), now.plus(validFor), names);
    }

    public static Issued server(Issued ca, Instant notBefore, Instant notAfter, GeneralName... names) {
        KeyPair keys = keys();
        GeneralName[] san = names.length > 0 ? names : new GeneralName[] {ip("127.0.0.1"), dns("localhost")};
        X509Certificate c = sign(new X500Name("CN=deploy-steps test server"), keys, new X500Name(ca.certificate().getSubjectX500Principal().getName()),
                ca.keys(), notBefore, notAfter, false, san);
        return new Issued(c, keys, ca);
    }

    /** A self-signed server certificate for 127.0.0.1: no CA vouches for it. */
    public static Issued selfSigned() {
        KeyPair keys = keys();
        Instant now = Instant.now();
        GeneralName[] san = {ip("127.0.0.1")};
        X500Name name = new X500Name("CN=self-signed 127.0.0.1");
        return new Issued(sign(name, keys, name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false, san), keys, null);
    }

    public static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, Instant notBefore,
            Instant notAfter, boolean ca, GeneralName[] san) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            if (san != null) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
