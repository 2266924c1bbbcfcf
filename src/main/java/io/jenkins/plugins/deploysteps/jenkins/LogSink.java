package io.jenkins.plugins.deploysteps.jenkins;

import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Progress lines into the build log, from the agent: the stream is the controller's log, exported over the
 * remoting channel, so lines appear as they happen. Each line is flushed at once; remote output is slow
 * enough that batching would only delay what the user watches.
 */
final class LogSink implements ProgressSink, Serializable {
    private static final long serialVersionUID = 1L;

    private final OutputStream log;

    LogSink(OutputStream log) {
        this.log = log;
    }

    @Override
    public synchronized void line(Level level, String text) {
        try {
            log.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            log.flush();
        } catch (IOException e) {
            // The build log is gone (aborted build, channel closed): the step's outcome still reaches the controller.
        }
    }
}
