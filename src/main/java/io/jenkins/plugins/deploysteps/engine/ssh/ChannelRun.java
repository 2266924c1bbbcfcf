package io.jenkins.plugins.deploysteps.engine.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.secret.MaskingLineSplitter;
import io.jenkins.plugins.deploysteps.engine.target.CommandTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.SudoPasswordRequiredException;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one command on an exec channel of an open session.
 *
 * <p>Waiting is ours, not JSch's: {@code ChannelExec.connect(timeout)} polls in 10 ms sleeps, which would add
 * 10 ms to every command, so the channel connects without a timeout (JSch bounds the open itself) and this
 * class parks until output ends, with its own deadline. A command that exits while a background process
 * still holds its stdout has reported its exit status; after a short grace period it is done.
 */
record ChannelRun(Session session, String host, Progress progress) {
    /** How long to keep reading after the exit status arrived when stdout stays open (a daemon kept it). */
    static final Duration DRAIN_GRACE = Duration.ofMillis(250);
    /** How long a timed-out command gets between TERM and KILL. */
    static final Duration KILL_GRACE = Duration.ofSeconds(2);

    ExecResult run(RemoteCommand command) throws TargetException, InterruptedException {
        String line = command.line();
        // A poll loop's command prints only in verbose mode: the loop itself reports when the state changes, and
        // a non-zero exit there is a state (the lock is held), not a failure to show.
        boolean announce = progress.isVerbose() || !command.isRepeated();
        if (announce) {
            progress.commandStarted(host, command.summary(), line);
        }
        long started = System.nanoTime();
        long deadline = started + command.timeout().toNanos();
        Thread me = Thread.currentThread();
        boolean stream = command.echoOutput() && progress.isVerbose();
        OutputCapture out = new OutputCapture(stream ? splitter(false) : null, me);
        OutputCapture err = new OutputCapture(stream ? splitter(true) : null, me);
        ProcessGroupSniffer errSniffer = new ProcessGroupSniffer(err);

        ChannelExec channel = open(line);
        try {
            channel.setCommand((ProcessGroupSniffer.announce() + line).getBytes(StandardCharsets.UTF_8));
            channel.setOutputStream(out, false);
            channel.setExtOutputStream(errSniffer, false);
            try {
                channel.connect();
            } catch (JSchException e) {
                throw lost("could not start the command", e);
            }
            Thread feeder = feedStdin(channel, command);
            waitForEnd(channel, out, errSniffer, deadline, command, started);
            if (feeder != null) {
                feeder.join(TimeUnit.SECONDS.toMillis(1));
            }
        } finally {
            channel.disconnect();
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int exit = channel.getExitStatus();
        ExecResult result = new ExecResult(exit, out.toByteArray(), err.toByteArray(), took, out.cut());
        if (announce) {
            String outcome = exit == 0 ? "ok" : exit > 0 ? "exit " + exit : "ended without an exit status (killed by a signal?)";
            ExecResult.Cut cut = result.stdoutCut();
            progress.commandFinished(host, command.summary(), cut == null ? outcome : outcome + "; output cut: " + cut.dropped()
                    + " bytes after the first " + cut.at() + " left out", took, exit != 0 && command.echoOutput() ? lastLine(result) : null);
        }
        // sudo exits 1 when it refuses; a script that asked sudo for a program exits with its own code, so any failure counts.
        if (command.isSudo() && exit != 0) {
            checkSudo(result);
        }
        return result;
    }

    /** The line that most often says why a command failed: the last of stderr, else of stdout, masked like every printed line. */
    private String lastLine(ExecResult result) {
        String tail = result.stderrText().isBlank() ? result.stdoutText() : result.stderrText();
        String[] lines = tail.strip().split("\\R");
        return progress.masker().mask(lines[lines.length - 1]);
    }

    private MaskingLineSplitter splitter(boolean stderr) {
        return new MaskingLineSplitter(progress.masker(), l -> progress.output(host, stderr, l));
    }

    private ChannelExec open(String line) throws TargetException {
        if (!session.isConnected()) {
            throw lost("the connection was already closed", null);
        }
        try {
            return (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw lost("could not open a channel for '" + line + "'", e);
        }
    }

    /**
     * Sends stdin and then EOF. Without EOF a command that reads stdin would wait forever. Input is written from
     * its own thread so a command that stops reading cannot block us past our deadline.
     */
    private static Thread feedStdin(ChannelExec channel, RemoteCommand command) throws TargetException {
        byte[] stdin = command.stdin();
        RemoteCommand.Input stream = command.stdinStream();
        OutputStream in;
        try {
            in = channel.getOutputStream();
        } catch (IOException e) {
            throw new TargetException("cannot write to the command's input", e);
        }
        if (stream == null && (stdin == null || stdin.length == 0)) {
            closeQuietly(in);
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                if (stream != null) {
                    // JSch sends a packet per write; a buffer keeps many small tar records to few packets.
                    OutputStream buffered = new java.io.BufferedOutputStream(in, 64 * 1024);
                    stream.writeTo(buffered);
                    buffered.flush();
                } else {
                    in.write(stdin);
                }
                in.flush();
            } catch (IOException e) {
                // The command ended or was killed before reading all its input; its exit status tells the story.
            } finally {
                closeQuietly(in);
            }
        }, "deploy-steps stdin " + channel.getId());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void waitForEnd(ChannelExec channel, OutputCapture out, ProcessGroupSniffer err, long deadline, RemoteCommand command,
            long started)
            throws TargetException, InterruptedException {
        long park = TimeUnit.MICROSECONDS.toNanos(20);
        long exitSeenAt = 0;
        while (true) {
            if (channel.isClosed() || (out.isClosed() && channel.getExitStatus() != -1)) {
                if (channel.getExitStatus() == -1 && sessionDrops()) {
                    // JSch closes every channel when the connection drops; without an exit status that is a loss, not an end.
                    throw lost("the connection dropped while running '" + command.line() + "'", null);
                }
                return;
            }
            long now = System.nanoTime();
            if (channel.getExitStatus() != -1) {
                if (exitSeenAt == 0) {
                    exitSeenAt = now;
                } else if (now - exitSeenAt > DRAIN_GRACE.toNanos()) {
                    return; // exited; whatever still holds stdout was started in the background on purpose
                }
            }
            if (!session.isConnected()) {
                throw lost("the connection dropped while running '" + command.line() + "'", null);
            }
            if (Thread.interrupted()) {
                kill(channel, err.processGroup(), command.isSudo());
                throw new InterruptedException("interrupted while running '" + command.line() + "' on " + host);
            }
            if (now >= deadline) {
                kill(channel, err.processGroup(), command.isSudo());
                String message = "'" + command.line() + "' on " + host + " did not finish within its timeout of "
                        + Durations.format(command.timeout()) + "; the remote process was killed";
                progress.commandFinished(host, command.summary(), "timed out", Duration.ofNanos(now - started), null);
                throw new CommandTimeoutException(progress.masker().mask(message));
            }
            LockSupport.parkNanos(this, Math.min(park, deadline - now));
            park = Math.min(park * 2, TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /**
     * Whether the session is going down. JSch closes a dropped session's channels first and marks the session
     * disconnected just after, so a channel that closed without an exit status gets a moment to tell which it was.
     */
    private boolean sessionDrops() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (session.isConnected() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return !session.isConnected();
    }

    /**
     * Stops the remote command and everything it started. sshd made the login shell a session and process group
     * leader and the shell announced its pid, so the whole group is signalled from a second channel: TERM, so
     * the processes can clean up, then KILL. (The SSH "signal" request would be simpler, but sshd refuses it
     * for root logins, which are common on small hosts.) Root-owned processes started through sudo need sudo
     * to be killed.
     */
    private void kill(ChannelExec channel, long processGroup, boolean sudo) {
        if (processGroup <= 1) {
            return; // no announced group (exotic login shell): closing the channel is all we can do
        }
        String group = "-" + processGroup;
        String term = signal("TERM", group, sudo);
        String killAll = signal("KILL", group, sudo);
        runBriefly(term);
        long until = System.nanoTime() + KILL_GRACE.toNanos();
        while (!channel.isClosed() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        runBriefly(killAll);
    }

    /** {@code [sudo -n --] kill -s SIGNAL -- -GROUP}: with sudo, {@code kill} is the program sudoers has to allow. */
    static String signal(String signal, String group, boolean sudo) {
        Cmd kill = Cmd.of("kill", "-s", signal, "--", group);
        return (sudo ? kill.withSudo() : kill).render() + " 2>/dev/null";
    }

    /** Runs a housekeeping command on its own channel, bounded by {@link #KILL_GRACE}; failures are ignored. */
    private void runBriefly(String line) {
        try {
            ChannelExec c = (ChannelExec) session.openChannel("exec");
            try {
                c.setCommand(line.getBytes(StandardCharsets.UTF_8));
                c.connect();
                long until = System.nanoTime() + KILL_GRACE.toNanos();
                while (!c.isClosed() && System.nanoTime() < until) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            } finally {
                c.disconnect();
            }
        } catch (JSchException e) {
            // The connection is gone: the host will see the channel close, and there is nothing more to do from here.
        }
    }

    private void checkSudo(ExecResult result) throws SudoPasswordRequiredException {
        String err = result.stderrText();
        if (err.contains("a password is required") || err.contains("a terminal is required")) {
            throw new SudoPasswordRequiredException("sudo on " + host + " asks for a password. Steps never type passwords: allow "
                    + "these commands without one (NOPASSWD in sudoers) or turn sudo off for this host");
        }
        if (err.contains("not in the sudoers file") || err.contains("is not allowed to execute")) {
            throw new SudoPasswordRequiredException("the SSH user on " + host + " may not use sudo for this command: " + result.tail(1));
        }
    }

    private ConnectionLostException lost(String what, Exception cause) {
        return new ConnectionLostException("connection to " + host + " lost: " + what, cause);
    }

    private static void closeQuietly(OutputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to tell the remote side
        }
    }
}
