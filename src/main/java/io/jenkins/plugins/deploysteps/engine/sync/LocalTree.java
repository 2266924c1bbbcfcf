package io.jenkins.plugins.deploysteps.engine.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree to sync on the machine running the step: every path under {@code from} that the rules do not leave alone,
 * sorted, with modes and link targets. Only metadata is held; contents are hashed and streamed file by file.
 * A symlink must stay inside the tree: one pointing outside would make the host's copy depend on what happens to be
 * at that path there.
 */
public final class LocalTree extends Tree {
    private final Path root;

    private LocalTree(Path root, TreeMap<String, Entry> entries) {
        super(entries);
        this.root = root;
    }

    public static LocalTree scan(Path root, TreeRules rules) throws SyncException {
        if (!Files.isDirectory(root)) {
            throw new SyncException(root + " is not a folder");
        }
        TreeMap<String, Entry> entries = newIndex();
        try {
            walk(root, root, "", rules, entries);
        } catch (IOException e) {
            throw new SyncException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return new LocalTree(root, entries);
    }

    private static void walk(Path root, Path dir, String prefix, TreeRules rules, TreeMap<String, Entry> out)
            throws IOException, SyncException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String rel = prefix + child.getFileName().toString();
                PosixFileAttributes a = Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    if (rules.leftAloneBelow(rel)) {
                        continue;
                    }
                    if (!rules.leftAlone(rel)) {
                        out.put(rel, new Entry(rel, Entry.Kind.DIR, mode(child, a), 0, null));
                    }
                    walk(root, child, rel + "/", rules, out);
                } else if (rules.leftAlone(rel)) {
                    continue;
                } else if (a.isSymbolicLink()) {
                    String target = Files.readSymbolicLink(child).toString();
                    Path resolved = child.getParent().resolve(target).normalize();
                    if (target.startsWith("/") || !resolved.startsWith(root.normalize())) {
                        throw new SyncException("the symlink " + rel + " points outside the folder to sync (" + target
                                + "); only links that stay inside it can be copied");
                    }
                    out.put(rel, new Entry(rel, Entry.Kind.LINK, 0777, 0, target));
                } else if (a.isRegularFile()) {
                    out.put(rel, new Entry(rel, Entry.Kind.FILE, mode(child, a), a.size(), null));
                } else {
                    throw new SyncException(rel + " is neither a file, a folder nor a symlink (a socket or device?); it cannot be copied");
                }
            }
        }
    }

    private static int mode(Path p, PosixFileAttributes a) throws IOException {
        Object raw = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (raw instanceof Integer m) {
            return m & 07777;
        }
        int mode = 0;
        Set<PosixFilePermission> perms = a.permissions();
        for (PosixFilePermission perm : PosixFilePermission.values()) {
            if (perms.contains(perm)) {
                mode |= 1 << (8 - perm.ordinal());
            }
        }
        return mode;
    }

    public Path root() {
        return root;
    }

    public Path file(String rel) {
        return root.resolve(rel);
    }




    /** SHA-256 of a file's content, read in blocks. */
    public String sha256(String rel) throws SyncException {
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
