package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The staged upload as one tar stream, read file by file from the workspace as the host takes it: the changed tree
 * under {@code tree/}, and the lists the commit works from ({@code delete}, {@code move}, {@code chmod}: NUL-separated
 * names, never shell text) and {@code REVISION}. Reports progress every few seconds, not per file.
 */
final class TarStream implements RemoteCommand.Input {
    /** Told files and bytes sent so far, at most every {@link #PROGRESS_EVERY_NANOS}. */
    interface ProgressListener {
        void sent(int files, int totalFiles, long bytes, long totalBytes);
    }

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final SyncCompare.Compared diff;
    private final ProgressListener listener;
    private volatile long bytesSent;
    private volatile IOException failure;

    /** The changes {@code diff} found, and its revision (when it has one) as REVISION. */
    TarStream(SyncCompare.Compared diff, ProgressListener listener) {
        this.diff = diff;
        this.listener = listener;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out);
        LocalTree local = diff.local();
        SyncPlan plan = diff.plan();
        String revision = diff.revision();
        try {
            long now = System.currentTimeMillis() / 1000;
            tar.file("delete", 0644, nulSeparated(plan.deletes()), now);
            tar.file("move", 0644, nulSeparated(plan.moves()), now);
            tar.file("chmod", 0644, nulSeparated(plan.modes().stream().flatMap(m -> java.util.stream.Stream.of(m[0], m[1])).toList()), now);
            if (revision != null) {
                tar.file(TreeRules.REVISION, 0644, (revision + "\n").getBytes(StandardCharsets.UTF_8), now);
            }
            tar.directory("tree", 0755, now);
            int files = 0;
            int total = (int) plan.send().stream().filter(e -> !e.isDir()).count();
            long last = System.nanoTime();
            for (Entry e : plan.send()) {
                String name = "tree/" + e.path();
                long mtime = local.mtime(e.path());
                switch (e.kind()) {
                    case DIR -> tar.directory(name, e.mode(), mtime);
                    case LINK -> tar.symlink(name, e.linkTarget(), mtime);
                    default -> {
                        try (InputStream in = Files.newInputStream(local.file(e.path()))) {
                            tar.file(name, e.mode(), e.size(), mtime, in);
                        }
                    }
                }
                if (!e.isDir()) {
                    files++;
                }
                bytesSent = tar.written();
                if (System.nanoTime() - last > PROGRESS_EVERY_NANOS) {
                    last = System.nanoTime();
                    listener.sent(files, total, tar.written(), plan.bytesToSend());
                }
            }
            tar.finish();
            bytesSent = tar.written();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private static byte[] nulSeparated(List<String> names) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String n : names) {
            b.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }

    long bytesSent() {
        return bytesSent;
    }

    /** Why the stream stopped early (a local file could not be read, or the host stopped reading); null if it did not. */
    IOException failure() {
        return failure;
    }
}
