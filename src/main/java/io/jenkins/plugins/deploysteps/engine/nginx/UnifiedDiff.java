package io.jenkins.plugins.deploysteps.engine.nginx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) of two versions of a file that differ in one run of
 * lines, which is every change this step makes: the lines both share at the start and at the end are context, the
 * rest is one hunk. Any two texts give a diff {@code patch} applies, though for unrelated texts not the shortest.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {}

    /**
     * @param before the old text, decoded as ISO-8859-1 (bytes as characters); shown as UTF-8
     * @param after the new text, likewise
     * @return the diff, or an empty string when the texts are equal
     */
    static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = SiteEditor.splitLines(before);
        List<String> b = SiteEditor.splitLines(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        int aEnd = Math.min(a.size(), a.size() - suffix + CONTEXT);
        int bEnd = Math.min(b.size(), b.size() - suffix + CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(path).append("\t(before)\n");
        out.append("+++ ").append(path).append("\t(after)\n");
        out.append("@@ -").append(range(from, aEnd - from)).append(" +").append(range(from, bEnd - from)).append(" @@\n");
        List<String> lines = new ArrayList<>();
        for (int i = from; i < prefix; i++) {
            lines.add(" " + a.get(i));
        }
        for (int i = prefix; i < a.size() - suffix; i++) {
            lines.add("-" + a.get(i));
        }
        for (int i = prefix; i < b.size() - suffix; i++) {
            lines.add("+" + b.get(i));
        }
        for (int i = a.size() - suffix; i < aEnd; i++) {
            lines.add(" " + a.get(i));
        }
        for (String line : lines) {
            String shown = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            out.append(shown);
            if (!shown.endsWith("\n")) {
                out.append('\n').append(NO_NEWLINE).append('\n');
            }
        }
        return out.toString();
    }

    /** GNU diff's ranges: {@code start,count}; just {@code start} for one line; an empty range names the line before it. */
    private static String range(int from, int count) {
        if (count == 1) {
            return Integer.toString(from + 1);
        }
        return (count == 0 ? from : from + 1) + "," + count;
    }
}
