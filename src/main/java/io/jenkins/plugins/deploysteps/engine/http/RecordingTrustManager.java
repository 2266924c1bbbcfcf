package io.jenkins.plugins.deploysteps.engine.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The real trust manager, with a memory: it remembers the chain each server presented and which test refused
 * it (the chain, or the host name), so a report can say what the certificate was even when the handshake
 * failed. It decides nothing itself; every verdict is the delegate's.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    /** What one server's last handshake showed. */
    record Seen(List<CertificateFacts> chain, boolean trusted, boolean hostMatches, String problem) {}

    private final X509ExtendedTrustManager delegate;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    RecordingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    /** The last handshake with {@code host:port}, or null. */
    Seen seen(String hostAndPort) {
        return seen.get(hostAndPort);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        String key = engine == null ? "?" : engine.getPeerHost() + ":" + engine.getPeerPort();
        List<CertificateFacts> facts = new ArrayList<>();
        for (X509Certificate c : chain) {
            facts.add(CertificateFacts.of(c));
        }
        try {
            // Chain first, without the host name, so a refusal can be told apart from a name mismatch.
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            seen.put(key, new Seen(facts, false, false, rootMessage(e)));
            throw e;
        }
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            seen.put(key, new Seen(facts, true, false, rootMessage(e)));
            throw e;
        }
        seen.put(key, new Seen(facts, true, true, null));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
