package io.jenkins.plugins.deploysteps.jenkins;

import hudson.model.TaskListener;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Progress lines into the build log, from the agent: the listener is the build's, sent over the remoting
 * channel, so lines appear as they happen. Each line is flushed at once; remote output is slow enough that
 * batching would only delay what the user watches. A PrintStream never throws: when the build log is gone
 * (aborted build, channel closed) lines are dropped and the step's outcome still reaches the controller.
 */
final class LogSink implements ProgressSink {
    private final PrintStream log;

    LogSink(TaskListener listener) {
        this.log = listener.getLogger();
    }

    @Override
    public synchronized void line(Level level, String text) {
        // Each kind of line carries its own marker ([FAIL], [ERROR], WARNING: ...): nothing is added here.
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        log.write(line, 0, line.length);
        log.flush();
    }
}
