package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import java.io.PrintStream;

/** Progress lines on the terminal; warnings and checks that need a look go to stderr so they survive {@code > log}. */
final class ConsoleProgress implements ProgressSink {
    private final PrintStream out;
    private final PrintStream err;

    ConsoleProgress(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void line(Level level, String text) {
        (level == Level.WARNING || level == Level.PROBLEM ? err : out).println(text);
    }
}
