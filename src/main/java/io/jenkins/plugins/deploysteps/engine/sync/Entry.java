package io.jenkins.plugins.deploysteps.engine.sync;

/**
 * One path of a tree, local or remote, as the comparison sees it.
 *
 * @param path relative, {@code /}-separated
 * @param mode permission bits (with setuid/setgid/sticky), e.g. {@code 0644}
 * @param size bytes of a file; 0 for anything else
 * @param linkTarget where a symlink points, as written; null for anything else
 */
public record Entry(String path, Kind kind, int mode, long size, String linkTarget) {
    /**
     * Path order in which everything inside a folder comes right after it ({@code a}, {@code a/x}, {@code a-b}),
     * which plain string order does not give ('-' sorts before '/').
     */
    public static final java.util.Comparator<String> PATH_ORDER = (a, b) -> a.replace('/', '\0').compareTo(b.replace('/', '\0'));

    /** The upper bound of what is inside {@code dir} in {@link #PATH_ORDER}. */
    static String endOf(String dir) {
        return dir + "/\uffff";
    }

    public enum Kind {
        FILE, DIR, LINK, OTHER
    }

    public boolean isDir() {
        return kind == Kind.DIR;
    }

    /** Whether this entry is inside the folder {@code dir} (at any depth). */
    public boolean isUnder(String dir) {
        return path.length() > dir.length() && path.startsWith(dir) && path.charAt(dir.length()) == '/';
    }

    /** The folder holding this entry, or "" at the top. */
    public String parent() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
