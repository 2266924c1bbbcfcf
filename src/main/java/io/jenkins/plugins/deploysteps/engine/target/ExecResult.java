package io.jenkins.plugins.deploysteps.engine.target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a remote command did. Output is raw: whoever shows it to a person masks it first. Output too long to keep
 * whole has a {@link Cut}: its head and its end are kept, with what lay between left out.
 */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr, Duration duration, Cut stdoutCut) {

    /** {@code dropped} bytes of output were left out at offset {@code at}. */
    public record Cut(int at, long dropped) {}

    public ExecResult(int exitCode, byte[] stdout, byte[] stderr, Duration duration) {
        this(exitCode, stdout, stderr, duration, null);
    }

    /** Bytes the command printed on stdout, counting any left out. */
    public long stdoutBytes() {
        return stdout.length + (stdoutCut == null ? 0 : stdoutCut.dropped());
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The last few lines of stderr (or stdout when stderr is empty), for an error message. */
    public String tail(int lines) {
        String text = stderr.length > 0 ? stderrText() : stdoutText();
        String[] all = text.strip().split("\\R");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
