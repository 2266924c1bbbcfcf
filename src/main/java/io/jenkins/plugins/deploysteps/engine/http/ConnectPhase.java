package io.jenkins.plugins.deploysteps.engine.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Tells which phase of reaching an https server ran out of time. The JDK client reports a stalled TLS handshake as a
 * connect timeout; one plain TCP connect, bounded by a second, shows whether the server is reachable at all, so the
 * message can say the handshake was what never finished.
 */
final class ConnectPhase {
    private static final int PROBE_MILLIS = 1000;

    private ConnectPhase() {}

    /** The message for an exchange that got no connection within {@code within}; {@code seen} is what the trust manager saw. */
    static String timedOut(URI uri, String within, RecordingTrustManager.Seen seen) {
        String server = HttpRequests.authority(uri);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || !tcpConnects(uri)) {
            return "connecting to " + server + " timed out";
        }
        return "the TLS handshake with " + server + " did not finish" + within + ": the TCP connection succeeded but the server "
                + (seen == null ? "never answered the handshake" : "stalled after sending its certificate");
    }

    private static boolean tcpConnects(URI uri) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), HttpRequests.port(uri)), PROBE_MILLIS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
