package io.jenkins.plugins.deploysteps.engine.command;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One command to run on a target, with everything the runner needs to run it safely: a timeout (nothing
 * waits forever), whether it needs root, what to feed its stdin, whether its output may appear in the log
 * (never for commands that read secrets), and whether it changes the host (a dry run prints those instead).
 */
public final class RemoteCommand {
    /** Longest command line the build log shows as it is; longer ones, and every script, show their label. */
    static final int SHORT_LINE = 120;

    private final Cmd cmd;
    private final Duration timeout;
    private boolean sudo;
    private byte[] stdin;
    private boolean echoOutput = true;
    private boolean changesHost;
    private Input stream;
    private String label;
    private boolean repeated;

    /**
     * Input written to the command while it runs, for input too large to hold in memory (a tar stream of a tree).
     * An exception it throws ends the input early; the command sees a truncated stream and fails.
     */
    @FunctionalInterface
    public interface Input {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    private RemoteCommand(Cmd cmd, Duration timeout) {
        this.cmd = Objects.requireNonNull(cmd, "cmd");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("a remote command needs a positive timeout");
        }
    }

    private RemoteCommand copy(Duration newTimeout) {
        RemoteCommand c = new RemoteCommand(cmd, newTimeout);
        c.sudo = sudo;
        c.stdin = stdin;
        c.echoOutput = echoOutput;
        c.changesHost = changesHost;
        c.stream = stream;
        c.label = label;
        c.repeated = repeated;
        return c;
    }

    /** A copy with one setting changed: every option below returns a new command and leaves this one as it is. */
    private RemoteCommand with(Consumer<RemoteCommand> change) {
        RemoteCommand c = copy(timeout);
        change.accept(c);
        return c;
    }

    /** A read-only command whose output streams into the log. */
    public static RemoteCommand of(Cmd cmd, Duration timeout) {
        return new RemoteCommand(cmd, timeout);
    }

    public RemoteCommand sudo(boolean useSudo) {
        return with(c -> c.sudo = useSudo);
    }

    public RemoteCommand stdin(byte[] input) {
        return with(c -> {
            c.stdin = input == null ? null : input.clone();
            c.stream = null;
        });
    }

    /** Input streamed to the command as it runs (instead of {@link #stdin(byte[]) bytes held in memory}). */
    public RemoteCommand stdin(Input input) {
        return with(c -> {
            c.stdin = null;
            c.stream = input;
        });
    }

    /** Keeps the output out of the log (it is still returned): for file contents and anything near a secret. */
    public RemoteCommand quiet() {
        return with(c -> c.echoOutput = false);
    }

    /** Marks a command that changes the host; a dry run prints it instead of running it. */
    public RemoteCommand changesHost() {
        return with(c -> c.changesHost = true);
    }

    public RemoteCommand timeout(Duration t) {
        return copy(t);
    }

    /**
     * What the build log calls this command ({@code lock /app/backend}): scripts are read by their label, since
     * a person cannot read a script squeezed onto one log line; the script itself goes to verbose mode.
     */
    public RemoteCommand label(String text) {
        return with(c -> c.label = text);
    }

    /**
     * Marks a command a poll loop runs again and again: the loop reports when the state changes, so the
     * command itself prints start and end lines only in verbose mode.
     */
    public RemoteCommand repeated() {
        return with(c -> c.repeated = true);
    }

    public boolean isRepeated() {
        return repeated;
    }

    /**
     * The one line the build log shows for this command: its label, with the command line when that is a short
     * command a person would type ({@code compose build: $ docker-compose build web}); an unlabelled script
     * shows its first words.
     */
    public String summary() {
        String line = line();
        String label = this.label != null ? this.label : cmd.label();
        boolean typeable = !cmd.hasScript() && !line.contains("\n") && line.length() + (label == null ? 0 : label.length() + 2) <= SHORT_LINE;
        if (label == null) {
            // An unlabelled command is one a user wrote (a mailbox command): shown as it is when it fits on a line.
            if (!line.contains("\n") && line.length() <= SHORT_LINE) {
                return "$ " + line;
            }
            String first = line.strip().split("\\R", 2)[0];
            return "$ " + (first.length() > 60 ? first.substring(0, 60) : first) + " ...";
        }
        return typeable ? label + ": $ " + line : label;
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
     * The line sent to the remote shell. With sudo, each program asks for root itself ({@link Cmd#withSudo}), so
     * sudoers can list programs instead of granting a shell; {@code -n} makes sudo fail at once instead of waiting
     * for a password nobody can type.
     */
    public String line() {
        return sudo ? cmd.withSudo().render() : cmd.render();
    }

    @Override
    public String toString() {
        return line();
    }
}
