package io.jenkins.plugins.deploysteps.engine.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes the process-group marker that {@link ChannelRun} makes every remote command print first on stderr, and
 * passes everything after it through untouched. If the first bytes are not the marker (a login shell that is not
 * POSIX, say), they pass through too and no process group is known.
 */
final class ProcessGroupSniffer extends OutputStream {
    static final String PREFIX = "\u001edeploy-steps-pgid:";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

    /** Makes the remote login shell, which sshd made a session and process group leader, print its pid. */
    static String announce() {
        return "printf '\\036deploy-steps-pgid:%s\\036\\n' \"$$\" >&2; ";
    }

    private final OutputStream next;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private volatile long processGroup = -1;
    private boolean sniffing = true;

    ProcessGroupSniffer(OutputStream next) {
        this.next = next;
    }

    /** The remote command's process group id, or -1 if it did not announce one. */
    long processGroup() {
        return processGroup;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (!sniffing) {
            next.write(b, off, len);
            return;
        }
        for (int i = off; i < off + len; i++) {
            head.write(b[i]);
            byte[] seen = head.toByteArray();
            int n = seen.length;
            boolean stillPrefix = n <= PREFIX_BYTES.length
                    ? java.util.Arrays.equals(seen, 0, n, PREFIX_BYTES, 0, n)
                    : java.util.Arrays.equals(seen, 0, PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length);
            if (!stillPrefix || n > PREFIX_BYTES.length + 24) {
                giveUp(b, i + 1, off + len - i - 1);
                return;
            }
            if (b[i] == '\n' && n > PREFIX_BYTES.length) {
                String id = new String(seen, PREFIX_BYTES.length, n - PREFIX_BYTES.length, StandardCharsets.US_ASCII).replace("\u001e", "").strip();
                if (id.matches("\\d+")) {
                    processGroup = Long.parseLong(id);
                    sniffing = false;
                    next.write(b, i + 1, off + len - i - 1);
                } else {
                    giveUp(b, i + 1, off + len - i - 1);
                }
                return;
            }
        }
    }

    private void giveUp(byte[] rest, int off, int len) throws IOException {
        sniffing = false;
        next.write(head.toByteArray());
        next.write(rest, off, len);
    }

    @Override
    public synchronized void close() throws IOException {
        if (sniffing && head.size() > 0) {
            sniffing = false;
            next.write(head.toByteArray());
        }
        next.close();
    }
}
