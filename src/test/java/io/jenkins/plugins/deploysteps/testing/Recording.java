package io.jenkins.plugins.deploysteps.testing;

import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.util.ArrayList;
import java.util.List;

/** A progress sink that keeps every line with the time it arrived, for asserting what a user would see and when. */
public final class Recording implements ProgressSink {
    public record Line(long nanos, Level level, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final SecretMasker masker = new SecretMasker();
    private final Progress progress = new Progress(this, masker);

    @Override
    public synchronized void line(Level level, String text) {
        lines.add(new Line(System.nanoTime(), level, text));
    }

    public Progress progress() {
        return progress;
    }

    public SecretMasker masker() {
        return masker;
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l.text()).append('\n');
        }
        return b.toString();
    }
}
