package io.jenkins.plugins.deploysteps.engine.progress;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
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

    public Progress(ProgressSink sink, SecretMasker masker) {
        // every line is put on one line here, the one place all progress passes: a check name or host output with a
        // line break or a terminal escape must not forge a line of its own
        this.sink = (level, text) -> sink.line(level, PrintableText.oneLine(text));
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** Multi-line scripts are shown on one line, their line breaks as {@code \n}, so each command is one log line. */
    public void commandStarted(String host, String line) {
        sink.line(ProgressSink.Level.INFO, "[" + host + "] $ " + masker.mask(line).replaceAll("\n[ \t]*", "\\\\n "));
    }

    /** {@code maskedLine} comes from a {@link io.jenkins.plugins.deploysteps.engine.secret.MaskingLineSplitter}. */
    public void output(String host, boolean stderr, String maskedLine) {
        sink.line(ProgressSink.Level.OUTPUT, "[" + host + "] " + (stderr ? "! " : "| ") + maskedLine);
    }

    public void commandFinished(String host, String outcome, Duration took) {
        sink.line(ProgressSink.Level.INFO, "[" + host + "] " + masker.mask(outcome) + " (" + Durations.human(took) + ")");
    }

    public void checkStarted(String name) {
        sink.line(ProgressSink.Level.INFO, "[check] " + masker.mask(name) + " ...");
    }

    public void checkFinished(Check check) {
        StringBuilder b = new StringBuilder("[").append(check.status()).append("] ").append(check.name());
        b.append(" (").append(Durations.human(check.duration())).append(')');
        if (check.message() != null) {
            b.append(": ").append(check.message());
        } else if (check.actual() != null) {
            b.append(": ").append(check.actual());
        }
        sink.line(check.status().isProblem() ? ProgressSink.Level.WARNING : ProgressSink.Level.INFO, masker.mask(b.toString()));
    }

    public void info(String message) {
        sink.line(ProgressSink.Level.INFO, masker.mask(message));
    }

    public void warn(String message) {
        sink.line(ProgressSink.Level.WARNING, "WARNING: " + masker.mask(message));
    }
}
