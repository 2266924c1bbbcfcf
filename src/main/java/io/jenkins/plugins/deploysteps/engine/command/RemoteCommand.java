package io.jenkins.plugins.deploysteps.engine.command;

import java.time.Duration;
import java.util.Objects;

/**
 * One command to run on a target, with everything the runner needs to run it safely: a timeout (nothing
 * waits forever), whether it needs root, what to feed its stdin, whether its output may appear in the log
 * (never for commands that read secrets), and whether it changes the host (a dry run prints those instead).
 */
public final class RemoteCommand {
    private final Cmd cmd;
    private final Duration timeout;
    private final boolean sudo;
    private final byte[] stdin;
    private final boolean echoOutput;
    private final boolean changesHost;
    private final Input stream;

    /**
     * Input written to the command while it runs, for input too large to hold in memory (a tar stream of a tree).
     * An exception it throws ends the input early; the command sees a truncated stream and fails.
     */
    @FunctionalInterface
    public interface Input {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    private RemoteCommand(Cmd cmd, Duration timeout, boolean sudo, byte[] stdin, boolean echoOutput, boolean changesHost) {
        this(cmd, timeout, sudo, stdin, echoOutput, changesHost, null);
    }

    private RemoteCommand(Cmd cmd, Duration timeout, boolean sudo, byte[] stdin, boolean echoOutput, boolean changesHost, Input stream) {
        this.cmd = Objects.requireNonNull(cmd, "cmd");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a remote command needs a positive timeout");
        }
        this.sudo = sudo;
        this.stdin = stdin;
        this.echoOutput = echoOutput;
        this.changesHost = changesHost;
        this.stream = stream;
    }

    /** A read-only command whose output streams into the log. */
    public static RemoteCommand of(Cmd cmd, Duration timeout) {
        return new RemoteCommand(cmd, timeout, false, null, true, false);
    }

    public RemoteCommand sudo(boolean useSudo) {
        return new RemoteCommand(cmd, timeout, useSudo, stdin, echoOutput, changesHost, stream);
    }

    public RemoteCommand stdin(byte[] input) {
        return new RemoteCommand(cmd, timeout, sudo, input == null ? null : input.clone(), echoOutput, changesHost, null);
    }

    /** Input streamed to the command as it runs (instead of {@link #stdin(byte[]) bytes held in memory}). */
    public RemoteCommand stdin(Input input) {
        return new RemoteCommand(cmd, timeout, sudo, null, echoOutput, changesHost, input);
    }

    /** Keeps the output out of the log (it is still returned): for file contents and anything near a secret. */
    public RemoteCommand quiet() {
        return new RemoteCommand(cmd, timeout, sudo, stdin, false, changesHost, stream);
    }

    /** Marks a command that changes the host; a dry run prints it instead of running it. */
    public RemoteCommand changesHost() {
        return new RemoteCommand(cmd, timeout, sudo, stdin, echoOutput, true, stream);
    }

    public RemoteCommand timeout(Duration t) {
        return new RemoteCommand(cmd, t, sudo, stdin, echoOutput, changesHost, stream);
    }

    public Cmd cmd() {
        return cmd;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean isSudo() {
        return sudo;
    }

    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    /** The streamed input, or null. */
    public Input stdinStream() {
        return stream;
    }

    public boolean echoOutput() {
        return echoOutput;
    }

    public boolean isChangesHost() {
        return changesHost;
    }

    /**
     * The line sent to the remote shell. With sudo, {@code -n} makes sudo fail at once instead of waiting for
     * a password nobody can type; the command runs under {@code sh -c} so pipes and redirects run as root too.
     */
    public String line() {
        return sudo ? Shell.join(java.util.List.of("sudo", "-n", "--", "sh", "-c", cmd.render())) : cmd.render();
    }

    @Override
    public String toString() {
        return line();
    }
}
