package io.jenkins.plugins.deploysteps.engine.target;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a remote command did. Output is raw: whoever shows it to a person masks it first. */
public record ExecResult(int exitCode, byte[] stdout, byte[] stderr, Duration duration) {

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
