package io.jenkins.plugins.deploysteps.engine.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;

/**
 * The tree to sync on the machine running the step: every path under {@code from} that the rules do not leave alone,
 * sorted, with modes and link targets. Only metadata is held; contents are hashed and streamed file by file.
 * A symlink must stay inside the tree: one pointing outside would make the host's copy depend on what happens to be
 * at that path there.
 */
public final class LocalTree extends Tree {
    private final Path root;
    private final Map<String, Long> mtimes;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    private LocalTree(Path root, TreeMap<String, Entry> entries, Map<String, Long> mtimes) {
        super(entries);
        this.root = root;
        this.mtimes = mtimes;
    }

    public static LocalTree scan(Path root, TreeRules rules) throws SyncException {
        if (!Files.isDirectory(root)) {
            throw new SyncException(root + " is not a folder");
        }
        TreeMap<String, Entry> entries = newIndex();
        Map<String, Long> mtimes = new HashMap<>();
        try {
            walk(root, root, "", rules, entries, mtimes);
        } catch (IOException e) {
            throw new SyncException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return new LocalTree(root, entries, mtimes);
    }

    private static void walk(Path root, Path dir, String prefix, TreeRules rules, TreeMap<String, Entry> out, Map<String, Long> mtimes)
            throws IOException, SyncException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String rel = prefix + dir.relativize(child);
                // One stat per path: the unix view gives type, size, mode and time together.
                Map<String, Object> a = Files.readAttributes(child, "unix:mode,size,lastModifiedTime,isDirectory,isSymbolicLink,isRegularFile",
                        LinkOption.NOFOLLOW_LINKS);
                int mode = ((Integer) a.get("mode")) & 07777;
                mtimes.put(rel, ((FileTime) a.get("lastModifiedTime")).toMillis() / 1000);
                if ((Boolean) a.get("isDirectory")) {
                    if (rules.leftAloneBelow(rel)) {
                        continue;
                    }
                    if (!rules.leftAlone(rel)) {
                        out.put(rel, new Entry(rel, Entry.Kind.DIR, mode, 0, null));
                    }
                    walk(root, child, rel + "/", rules, out, mtimes);
                } else if (rules.leftAlone(rel)) {
                    continue;
                } else if ((Boolean) a.get("isSymbolicLink")) {
                    String target = Files.readSymbolicLink(child).toString();
                    Path resolved = dir.resolve(target).normalize();
                    if (target.startsWith("/") || !resolved.startsWith(root.normalize())) {
                        throw new SyncException("the symlink " + rel + " points outside the folder to sync (" + target
                                + "); only links that stay inside it can be copied");
                    }
                    out.put(rel, new Entry(rel, Entry.Kind.LINK, 0777, 0, target));
                } else if ((Boolean) a.get("isRegularFile")) {
                    out.put(rel, new Entry(rel, Entry.Kind.FILE, mode, (Long) a.get("size"), null));
                } else {
                    throw new SyncException(rel + " is neither a file, a folder nor a symlink (a socket or device?); it cannot be copied");
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path file(String rel) {
        return root.resolve(rel);
    }




    /** Modification time in seconds, as the scan saw it. */
    public long mtime(String rel) {
        return mtimes.getOrDefault(rel, 0L);
    }

    /**
     * Hashes every file, in parallel, while the host lists its side; a file that cannot be read is left for
     * {@link #sha256} to report.
     */
    public void hashAll() {
        entries().parallelStream().filter(e -> e.kind() == Entry.Kind.FILE).forEach(e -> {
            try {
                sha256(e.path());
            } catch (SyncException ignored) {
                // reported when the comparison asks for this hash
            }
        });
    }

    /** SHA-256 of a file's content, read in blocks (once). */
    public String sha256(String rel) throws SyncException {
        String known = hashes.get(rel);
        if (known != null) {
            return known;
        }
        String h = digest(rel);
        hashes.put(rel, h);
        return h;
    }

    private String digest(String rel) throws SyncException {
        try (InputStream in = Files.newInputStream(file(rel))) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SyncException("cannot read " + rel + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
