package io.jenkins.plugins.deploysteps.engine.ssh;

import com.jcraft.jsch.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * A live SSH session to a host, plus the sessions to the jump hosts it runs through. Closing it closes them
 * all, innermost first.
 */
public final class SshConnection implements AutoCloseable {
    private final HostSpec host;
    private final Session session;
    private final List<SshConnection> through;
    private final HostKeyReport hostKey;

    SshConnection(HostSpec host, Session session, List<SshConnection> through, HostKeyReport hostKey) {
        this.host = host;
        this.session = session;
        this.through = new ArrayList<>(through);
        this.hostKey = hostKey;
    }

    public HostSpec host() {
        return host;
    }

    Session session() {
        return session;
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** What was verified about the host's key during the handshake. */
    public HostKeyReport hostKey() {
        return hostKey;
    }

    @Override
    public void close() {
        session.disconnect();
        for (SshConnection jump : through) {
            jump.close();
        }
    }

    /**
     * The key a host presented and how it was trusted.
     *
     * @param line the known_hosts line that pins this key
     * @param learned true when acceptFirst trusted it without knowing it before
     * @param unverified true when verification was off
     */
    public record HostKeyReport(String host, String type, String fingerprint, String line, boolean learned, boolean unverified)
            implements java.io.Serializable {
        public String describe() {
            return type + " " + fingerprint + (unverified ? " (NOT verified: host key verification is off)"
                    : learned ? " (learned on first use: pin it in the host's known host keys)" : " (verified)");
        }
    }
}
