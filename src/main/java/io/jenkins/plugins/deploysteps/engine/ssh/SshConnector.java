package io.jenkins.plugins.deploysteps.engine.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import com.jcraft.jsch.UnixDomainSocketFactory;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Opens verified SSH sessions. Retries cover the connection only (refused, timed out, reset), never a
 * rejected host key or failed login, which no retry can fix. Every failure becomes an exception whose
 * message names the host and the cause in plain words.
 */
public final class SshConnector {
    private final Progress progress;

    public SshConnector(Progress progress) {
        this.progress = progress;
    }

    public SshConnection connect(HostSpec host) throws SshConnectException, InterruptedException {
        for (String secret : host.secrets()) {
            progress.masker().register(secret);
        }
        int attempts = host.timing().connectRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                SshConnection c = connectOnce(host);
                progress.info("[" + host.name() + "] connected to " + host.address()
                        + (host.jumpHost() == null ? "" : " via " + host.jumpHost().name()) + " in "
                        + Durations.human(Duration.ofNanos(System.nanoTime() - started)) + ", host key " + c.hostKey().describe());
                return c;
            } catch (SshConnectException e) {
                if (!e.isRetryable() || attempt >= attempts) {
                    if (attempt > 1) {
                        throw new SshConnectException(e.getMessage() + " (after " + attempt + " attempts)", false, e);
                    }
                    throw e;
                }
                Duration backoff = Duration.ofMillis(Math.min(5000, 500L << (attempt - 1)));
                progress.warn("[" + host.name() + "] " + e.getMessage() + "; retrying in " + Durations.human(backoff)
                        + " (attempt " + (attempt + 1) + " of " + attempts + ")");
                Thread.sleep(backoff.toMillis());
            }
        }
    }

    private SshConnection connectOnce(HostSpec host) throws SshConnectException, InterruptedException {
        SshConnection jump = host.jumpHost() == null ? null : connect(host.jumpHost());
        try {
            JSch jsch = new JSch();
            VerifyingHostKeyRepository hostKeys = hostKeys(jsch, host);
            authenticate(jsch, host);
            Session session = newSession(jsch, host, hostKeys, jump);
            try {
                session.connect((int) host.timing().connectTimeout().toMillis());
            } catch (JSchException e) {
                session.disconnect();
                throw translate(host, e, hostKeys);
            }
            if (Thread.interrupted()) {
                session.disconnect();
                throw new InterruptedException();
            }
            return new SshConnection(host, session, jump == null ? List.of() : List.of(jump), describe(host, hostKeys));
        } catch (SshConnectException | InterruptedException | RuntimeException e) {
            if (jump != null) {
                jump.close();
            }
            throw e;
        }
    }

    private static Session newSession(JSch jsch, HostSpec host, VerifyingHostKeyRepository hostKeys, SshConnection jump)
            throws SshConnectException {
        try {
            Session session = jsch.getSession(host.login().user(), host.endpoint().hostname(), host.endpoint().port());
            session.setHostKeyRepository(hostKeys);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications",
                    host.login().credentials() instanceof SshCredentials.Password ? "password,keyboard-interactive" : "publickey");
            if (host.login().credentials() instanceof SshCredentials.Password p) {
                session.setPassword(p.password().getBytes(StandardCharsets.UTF_8));
            }
            session.setDaemonThread(true);
            session.setServerAliveInterval((int) host.timing().keepAlive().toMillis());
            session.setServerAliveCountMax(3);
            if (jump != null) {
                session.setProxy(new ForwardedProxy(jump.session(), host));
            }
            return session;
        } catch (JSchException e) {
            throw new SshConnectException("cannot set up an SSH session for host '" + host.name() + "': " + e.getMessage(), false, e);
        }
    }

    private static VerifyingHostKeyRepository hostKeys(JSch jsch, HostSpec host) throws SshConnectException {
        HostKeyVerification v = host.hostKeys();
        StringBuilder lines = new StringBuilder();
        for (String line : HostKeys.normalize("knownHosts", v.knownHosts(), host.knownHostsName())) {
            lines.append(line).append('\n');
        }
        try {
            if (v.knownHostsFile() != null) {
                Path file = Path.of(v.knownHostsFile().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
                if (!Files.isReadable(file)) {
                    throw new SshConnectException("known_hosts file " + file + " for host '" + host.name() + "' cannot be read", false, null);
                }
                lines.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            jsch.setKnownHosts(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | JSchException e) {
            throw new SshConnectException("cannot read the known host keys of host '" + host.name() + "': " + e.getMessage(), false, e);
        }
        HostKeyRepository known = jsch.getHostKeyRepository();
        return new VerifyingHostKeyRepository(known, v.mode());
    }

    private static void authenticate(JSch jsch, HostSpec host) throws PrivateKeyException {
        if (host.login().credentials() instanceof SshCredentials.Agent agent) {
            try {
                jsch.setIdentityRepository(new AgentIdentityRepository(
                        new SSHAgentConnector(new UnixDomainSocketFactory(), java.nio.file.Path.of(agent.socket()))));
            } catch (AgentProxyException e) {
                throw new PrivateKeyException("cannot use the ssh-agent at " + agent.socket() + " for host '" + host.name() + "'", e);
            }
            return;
        }
        if (!(host.login().credentials() instanceof SshCredentials.PrivateKey key)) {
            return;
        }
        byte[] keyBytes = key.keyText().getBytes(StandardCharsets.UTF_8);
        byte[] passphrase = key.passphrase() == null ? null : key.passphrase().getBytes(StandardCharsets.UTF_8);
        try {
            // Check the key here, so a missing or wrong passphrase is named as such instead of surfacing
            // later as a generic "Auth fail" from the server.
            KeyPair pair = KeyPair.load(jsch, keyBytes, null);
            if (pair.isEncrypted()) {
                if (passphrase == null) {
                    throw new PrivateKeyException("the private key for host '" + host.name() + "' is encrypted and no passphrase was given", null);
                }
                if (!pair.decrypt(passphrase)) {
                    throw new PrivateKeyException("the passphrase does not decrypt the private key for host '" + host.name() + "'", null);
                }
            }
            pair.dispose();
            jsch.addIdentity(host.name(), keyBytes, null, passphrase);
        } catch (JSchException e) {
            // JSch's message may quote the key file's first line; never pass it on.
            throw new PrivateKeyException("the private key for host '" + host.name()
                    + "' cannot be read (expected an OpenSSH or PEM ed25519, ecdsa or rsa key)", null);
        }
    }

    private static SshConnection.HostKeyReport describe(HostSpec host, VerifyingHostKeyRepository repo) {
        byte[] key = repo.offered();
        if (key == null) {
            return new SshConnection.HostKeyReport(host.knownHostsName(), "unknown", "unknown", "", false, host.hostKeys().mode() == HostKeyMode.OFF);
        }
        return new SshConnection.HostKeyReport(host.knownHostsName(), HostKeys.type(key), HostKeys.fingerprint(key),
                HostKeys.line(host.knownHostsName(), key), repo.learned(), host.hostKeys().mode() == HostKeyMode.OFF);
    }

    static SshConnectException translate(HostSpec host, JSchException e, VerifyingHostKeyRepository repo) {
        String where = "host '" + host.name() + "' (" + host.address() + ")";
        if (e instanceof JSchChangedHostKeyException || e instanceof JSchUnknownHostKeyException) {
            return hostKeyRejected(host, repo, e);
        }
        if (e.getMessage() != null && (e.getMessage().startsWith("Auth fail") || e.getMessage().startsWith("Auth cancel"))) {
            String method = host.login().credentials() instanceof SshCredentials.Password ? "password"
                    : host.login().credentials() instanceof SshCredentials.Agent ? "the ssh-agent's keys" : "private key";
            return new AuthenticationFailedException("authentication failed on " + where + ": the server did not accept the "
                    + method + " for user '" + host.login().user() + "'", null);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return new SshConnectException("connection refused by " + where, true, null);
        }
        if (cause instanceof UnknownHostException) {
            return new SshConnectException("cannot resolve " + where, false, null);
        }
        if (cause instanceof NoRouteToHostException) {
            return new SshConnectException("no route to " + where, true, null);
        }
        String msg = String.valueOf(e.getMessage());
        if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException || msg.contains("timeout")) {
            return new SshConnectException("no SSH answer from " + where + " within the connect timeout of "
                    + Durations.format(host.timing().connectTimeout()), true, null);
        }
        if (msg.contains("Connection reset") || msg.contains("connection is closed by foreign host") || cause instanceof IOException) {
            return new SshConnectException("the connection to " + where + " was closed during the SSH handshake (" + msg + ")", true, null);
        }
        if (msg.contains("Algorithm negotiation fail")) {
            return new SshConnectException("no common SSH algorithm with " + where + " (" + msg + ")", false, null);
        }
        return new SshConnectException("cannot connect to " + where + ": " + msg, false, null);
    }

    private static HostKeyRejectedException hostKeyRejected(HostSpec host, VerifyingHostKeyRepository repo, JSchException e) {
        byte[] offered = repo.offered();
        String offeredText = offered == null ? "an unknown key" : HostKeys.type(offered) + " " + HostKeys.fingerprint(offered);
        List<String> expected = repo.expected(host.knownHostsName());
        if (expected.isEmpty()) {
            return new HostKeyRejectedException("host key of '" + host.name() + "' (" + host.knownHostsName()
                    + ") is not known (host key verification: " + host.hostKeys().mode() + "); the host offered " + offeredText
                    + ". If that is the right key, add this line to the host's known host keys: "
                    + (offered == null ? "(none received)" : HostKeys.line(host.knownHostsName(), offered)), e);
        }
        return new HostKeyRejectedException("host key of '" + host.name() + "' (" + host.knownHostsName()
                + ") does not match: expected " + String.join(" or ", expected) + ", but the host offered " + offeredText
                + ". If the host was reinstalled, update its known host keys; otherwise someone may be intercepting the connection", e);
    }

    /** Carries the SSH connection to a host through a direct-tcpip channel of the jump host's session. */
    private static final class ForwardedProxy implements Proxy {
        private final Session jump;
        private final HostSpec target;
        private Channel channel;
        private InputStream in;
        private OutputStream out;

        ForwardedProxy(Session jump, HostSpec target) {
            this.jump = jump;
            this.target = target;
        }

        @Override
        public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
            ChannelDirectTCPIP c = (ChannelDirectTCPIP) jump.getStreamForwarder(target.endpoint().hostname(), target.endpoint().port());
            in = c.getInputStream();
            out = c.getOutputStream();
            c.connect(timeout);
            channel = c;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public Socket getSocket() {
            return null;
        }

        @Override
        public void close() {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }
}
