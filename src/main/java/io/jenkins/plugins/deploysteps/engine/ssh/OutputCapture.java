package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.secret.MaskingLineSplitter;
import java.io.ByteArrayOutputStream;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Receives one stream of a remote command, written by JSch's session thread as packets arrive: keeps the raw
 * bytes for the caller, passes masked lines to the log as they complete, and wakes the waiting thread when the
 * stream ends. A stream longer than {@link #LIMIT} keeps its head and its last {@link #TAIL} bytes and counts what
 * lay between, so memory stays bounded whatever the command prints, and the end (where a probe writes its status
 * line) is still there.
 */
final class OutputCapture extends OutputStream {
    static final int LIMIT = 16 * 1024 * 1024;
    static final int TAIL = 64 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final MaskingLineSplitter lines;
    private final Thread waiter;
    private volatile boolean closed;
    private final byte[] tail = new byte[TAIL];
    private long tailBytes;

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
        int head = Math.max(0, Math.min(len, room));
        bytes.write(b, off, head);
        for (int i = off + head; i < off + len; i++) {
            tail[(int) (tailBytes++ % TAIL)] = b[i];
        }
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

    /** The head, then the last bytes when the stream was longer than the limit. */
    synchronized byte[] toByteArray() {
        int kept = (int) Math.min(tailBytes, TAIL);
        byte[] out = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() + kept);
        for (int i = 0; i < kept; i++) {
            out[bytes.size() + i] = tail[(int) ((tailBytes - kept + i) % TAIL)];
        }
        return out;
    }

    /** Where bytes were left out of {@link #toByteArray()}, or null when it holds the whole stream. */
    synchronized ExecResult.Cut cut() {
        return tailBytes > TAIL ? new ExecResult.Cut(bytes.size(), tailBytes - TAIL) : null;
    }
}
