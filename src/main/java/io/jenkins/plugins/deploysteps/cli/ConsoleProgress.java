package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import java.io.PrintStream;

/**
 * Progress lines on the terminal; warnings and checks that need a look go to stderr so they survive {@code > log}. Remote output streams only in
 * verbose mode (it is in the reports' evidence anyway); quiet mode prints warnings and problems only.
 */
record ConsoleProgress(PrintStream out, PrintStream err, Verbosity verbosity) implements ProgressSink {
    enum Verbosity { QUIET, NORMAL, VERBOSE }

    @Override
    public synchronized void line(Level level, String text) {
        if (level == Level.WARNING || level == Level.PROBLEM) {
            err.println(text);
        } else if (level == Level.INFO && verbosity != Verbosity.QUIET || level == Level.OUTPUT && verbosity == Verbosity.VERBOSE) {
            out.println(text);
        }
    }
}
