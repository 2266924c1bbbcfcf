package io.jenkins.plugins.deploysteps.engine.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The destination as {@link SyncCommands#manifest} described it: whether it exists, the revision it claims, its
 * entries, and the content hash of each file the workspace also has.
 */
public final class RemoteTree extends Tree {
    private final boolean present;
    private final String revision;
    private final Map<String, String> hashes;

    private RemoteTree(boolean present, String revision, TreeMap<String, Entry> entries, Map<String, String> hashes) {
        super(entries);
        this.present = present;
        this.revision = revision;
        this.hashes = hashes;
    }

    public static RemoteTree empty() {
        return new RemoteTree(false, null, newIndex(), Map.of());
    }

    /** Parses the manifest output; throws when it is not what the script writes (a truncated answer). */
    public static RemoteTree parse(byte[] out) throws SyncException {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int i = 0;
        for (; i < out.length; i++) {
            if (out[i] == 0) {
                String f = new String(out, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (f.equals(SyncCommands.HASHES_MARK) && fields.size() >= 2 && (fields.size() - 2) % 5 == 0) {
                    break;
                }
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            throw new SyncException("the host's file listing was empty (the command was cut short?)");
        }
        if (fields.get(0).equals("absent")) {
            return empty();
        }
        if (!fields.get(0).equals("present") || i >= out.length) {
            throw new SyncException("the host's file listing ended early (the command was cut short?)");
        }
        String revision = fields.get(1).isEmpty() ? null : fields.get(1);
        TreeMap<String, Entry> entries = newIndex();
        for (int f = 2; f + 4 < fields.size(); f += 5) {
            String path = fields.get(f + 3);
            Entry.Kind kind = switch (fields.get(f)) {
                case "f" -> Entry.Kind.FILE;
                case "d" -> Entry.Kind.DIR;
                case "l" -> Entry.Kind.LINK;
                default -> Entry.Kind.OTHER;
            };
            int mode = Integer.parseInt(fields.get(f + 1), 8);
            long size = kind == Entry.Kind.FILE ? Long.parseLong(fields.get(f + 2)) : 0;
            entries.put(path, new Entry(path, kind, mode, size, kind == Entry.Kind.LINK ? fields.get(f + 4) : null));
        }
        return new RemoteTree(true, revision, entries, hashes(new String(out, start, out.length - start, StandardCharsets.UTF_8)));
    }

    /**
     * sha256sum's lines: {@code HASH  NAME}; a name with a backslash, newline or carriage return is escaped and the
     * line starts with a backslash, so every record is one line.
     */
    static Map<String, String> hashes(String text) {
        Map<String, String> hashes = new HashMap<>();
        for (String line : text.split("\n")) {
            boolean escaped = line.startsWith("\\");
            String l = escaped ? line.substring(1) : line;
            if (l.length() < 67 || (l.charAt(64) != ' ') || !l.substring(0, 64).matches("[0-9a-f]{64}")) {
                continue;
            }
            String name = l.substring(66);
            hashes.put(escaped ? unescape(name) : name, l.substring(0, 64));
        }
        return hashes;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public boolean present() {
        return present;
    }

    public String revision() {
        return revision;
    }




    public String hash(String path) {
        return hashes.get(path);
    }
}
