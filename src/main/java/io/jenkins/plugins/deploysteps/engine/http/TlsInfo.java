package io.jenkins.plugins.deploysteps.engine.http;

import java.util.List;

/**
 * What the TLS handshake with a server showed: its certificate chain (leaf first), and whether the chain is
 * trusted and matches the host name the request used.
 *
 * @param protocol and {@code cipher}: null when the handshake did not complete
 * @param problem why the handshake failed (chain or host name), null when it did not
 */
public record TlsInfo(String protocol, String cipher, List<CertificateFacts> chain, boolean trusted, boolean hostMatches, String problem) {
    public TlsInfo {
        chain = List.copyOf(chain);
    }

    /** The server's own certificate; null when the server sent none. */
    public CertificateFacts leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }
}
