package io.jenkins.plugins.deploysteps.engine.progress;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.time.Duration;

/**
 * The formatted, masked progress log of a step: one line when a remote command or check starts, one when it
 * ends (with host and duration), and remote output line by line in between. All text passes the masker
 * here, so a {@link ProgressSink} cannot leak by forgetting.
 */
public final class Progress {
    private final ProgressSink sink;
    private final SecretMasker masker;
    /** Longest progress line the log prints (verbose mode's scripts and remote output aside): the rest is in the report's evidence. */
    public static final int LONGEST_LINE = 200;
    /** Longest command summary, leaving room for the host, the outcome and the duration on its end line. */
    static final int LONGEST_SUMMARY = 120;
    private volatile boolean verbose;
    private volatile boolean stepVerbose;

    public Progress(ProgressSink sink, SecretMasker masker) {
        // every line is put on one line here, the one place all progress passes: a check name or host output with a
        // line break or a terminal escape must not forge a line of its own
        this.sink = (level, text) -> sink.line(level, PrintableText.oneLine(text));
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /**
     * Verbose mode ({@code verbose: true} on a step, {@code -v} in the CLI): every command's full script and its
     * output line by line, as well as the one-line start and end.
     */
    public void verbose(boolean on) {
        verbose = on;
    }

    /** Verbose mode for the step now running only ({@code verbose: true} on it); the next step starts without it. */
    public void stepVerbose(boolean on) {
        stepVerbose = on;
    }

    public boolean isVerbose() {
        return verbose || stepVerbose;
    }

    /**
     * One line naming the command ({@code [prod-1] lock /app/backend ...}); in verbose mode also the whole
     * command, a script line by line as it was written.
     */
    public void commandStarted(String host, String summary, String fullLine) {
        sink.line(ProgressSink.Level.INFO, "[" + host + "] " + shorten(masker.mask(summary), LONGEST_SUMMARY) + " ...");
        if (isVerbose()) {
            script(host, fullLine);
        }
    }

    /** A whole command as it was written, a script line by line: verbose mode's view of a command. */
    public void script(String host, String fullLine) {
        String[] lines = masker.mask(fullLine).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            sink.line(ProgressSink.Level.OUTPUT, "[" + host + "] " + (i == 0 ? "$ " : "  ") + lines[i]);
        }
    }

    /** {@code maskedLine} comes from a {@link io.jenkins.plugins.deploysteps.engine.secret.MaskingLineSplitter}. */
    public void output(String host, boolean stderr, String maskedLine) {
        sink.line(ProgressSink.Level.OUTPUT, "[" + host + "] " + (stderr ? "! " : "| ") + maskedLine);
    }

    /**
     * {@code [prod-1] lock /app/backend ... ok (17 ms)}; a failure adds its last line of output when the
     * command's output may be shown ({@code detail}, or null).
     */
    public void commandFinished(String host, String summary, String outcome, Duration took, String detail) {
        String end = "[" + host + "] " + shorten(masker.mask(summary), LONGEST_SUMMARY) + " ... " + masker.mask(outcome) + " ("
                + Durations.human(took) + ")";
        if (detail != null && !detail.isBlank()) {
            end = shorten(end + ": " + masker.mask(detail.strip()), LONGEST_LINE);
        }
        sink.line(ProgressSink.Level.INFO, end);
    }

    /**
     * Keeps a progress line readable: what does not fit is in the report's evidence and in verbose mode. Line
     * breaks stay in: the sink shows them escaped, so a line can never pass for another.
     */
    static String shorten(String text, int longest) {
        return text.length() <= longest ? text : text.substring(0, longest - 3) + "...";
    }

    public void checkStarted(String name) {
        sink.line(ProgressSink.Level.INFO, "[check] " + masker.mask(name) + " ...");
    }

    /**
     * {@code [PASS] name (12 ms)}. A check that needs a look reads differently by kind, not as one more warning:
     * {@code [WARN]} (a warning-severity check), {@code [FAIL]} (a check that failed) and {@code [ERROR]} (a
     * check that could not run).
     */
    public void checkFinished(Check check) {
        StringBuilder b = new StringBuilder("[").append(check.status()).append("] ").append(check.name());
        b.append(" (").append(Durations.human(check.duration())).append(')');
        if (check.status() == Status.ERROR) {
            b.append(" could not run");
        }
        if (check.message() != null) {
            b.append(": ").append(check.message());
        } else if (check.actual() != null) {
            b.append(": ").append(check.actual());
        }
        sink.line(check.status().isProblem() ? ProgressSink.Level.PROBLEM : ProgressSink.Level.INFO, shorten(masker.mask(b.toString()), LONGEST_LINE));
    }

    public void info(String message) {
        sink.line(ProgressSink.Level.INFO, masker.mask(message));
    }

    public void warn(String message) {
        sink.line(ProgressSink.Level.WARNING, "WARNING: " + masker.mask(message));
    }
}
