package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.secret.MaskingLineSplitter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Receives one stream of a remote command, written by JSch's session thread as packets arrive: keeps the raw
 * bytes for the caller (up to a limit), passes masked lines to the log as they complete, and wakes the
 * waiting thread when the stream ends.
 */
final class OutputCapture extends OutputStream {
    static final int LIMIT = 64 * 1024 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MaskingLineSplitter lines;
    private final Thread waiter;
    private volatile boolean closed;
    private boolean truncated;

    /** @param lines null when the output must stay out of the log */
    OutputCapture(MaskingLineSplitter lines, Thread waiter) {
        this.lines = lines;
        this.waiter = waiter;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = LIMIT - bytes.size();
        if (len > room) {
            truncated = true;
        }
        bytes.write(b, off, Math.max(0, Math.min(len, room)));
        if (lines != null) {
            lines.accept(b, off, len);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (lines != null) {
                lines.finish();
            }
        }
        LockSupport.unpark(waiter);
    }

    boolean isClosed() {
        return closed;
    }

    synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
