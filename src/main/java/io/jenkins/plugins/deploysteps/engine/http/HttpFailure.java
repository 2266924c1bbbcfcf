package io.jenkins.plugins.deploysteps.engine.http;

/**
 * No complete response: the message is the real cause (refused, unresolvable host, timed out, reset, TLS
 * handshake), never a made-up status. Checks turn it into ERROR.
 */
public class HttpFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that treat some causes differently. */
    public enum Kind {
        REFUSED,
        DNS,
        TIMEOUT,
        TLS,
        CONNECTION,
        REDIRECTS
    }

    private final Kind kind;
    private final transient TlsInfo tls;

    public HttpFailure(Kind kind, String message, TlsInfo tls) {
        super(message);
        this.kind = kind;
        this.tls = tls;
    }

    public Kind kind() {
        return kind;
    }

    /** For a failed TLS handshake: the chain the server sent and why it was refused; null otherwise. */
    public TlsInfo tls() {
        return tls;
    }
}
