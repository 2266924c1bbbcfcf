package io.jenkins.plugins.deploysteps.engine.secret;

/**
 * Text from users and hosts made safe to print on a log line: line breaks and other control characters are
 * shown escaped ({@code \n}, {@code \r}, {@code \u0000}), so a check name or a refused value cannot forge a line
 * of its own (a fake {@code [PASS]}) or drive the terminal; and a refused value is echoed shortened, never whole.
 */
public final class PrintableText {
    /** How much of a refused value a message quotes. */
    public static final int QUOTE_LIMIT = 80;
    /** How long one message may grow before its middle is cut. */
    public static final int MESSAGE_LIMIT = 2000;

    private PrintableText() {}

    /** The text on one line: control characters (tab aside) and Unicode line separators escaped. */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                b.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return b == null ? text : b.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> null;
            default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }

    /** A value a message quotes: on one line (tabs shown as {@code \\t}), in quotes, shortened to {@link #QUOTE_LIMIT} characters with its length said. */
    public static String quote(Object value) {
        // a tab is shown too: in a refused value it is the very thing to see
        String s = oneLine(String.valueOf(value)).replace("\t", "\\t");
        if (s.length() <= QUOTE_LIMIT) {
            return "'" + s + "'";
        }
        return "'" + s.substring(0, QUOTE_LIMIT) + "...' (" + s.length() + " characters)";
    }

    /** A message on one line, its middle cut when it is longer than {@code limit}, so its start and its hint survive. */
    public static String bounded(String text, int limit) {
        String s = oneLine(text);
        if (s == null || s.length() <= limit) {
            return s;
        }
        int keep = limit / 2;
        return s.substring(0, keep) + " ... (" + (s.length() - 2 * keep) + " characters cut) ... " + s.substring(s.length() - keep);
    }

    /**
     * Why {@code s} (a parameter's value) cannot reach a remote file or command line: a NUL, an escape or another control character anywhere,
     * a carriage return outside a line ending, or a tab or carriage return at an end, which trimming would otherwise
     * drop without a word. Tabs and line breaks inside stay for the fields that take them (a request body, a script).
     */
    public static String controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineEnding = c == '\n' || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n';
            if ((c < 0x20 && c != '\t' && !lineEnding) || c == 0x7f) {
                return "contains " + oneLine(String.valueOf(c));
            }
        }
        String trimmed = s.trim();
        int start = s.indexOf(trimmed.isEmpty() ? s : trimmed);
        String edges = s.substring(0, Math.max(0, start)) + s.substring(Math.min(s.length(), start + trimmed.length()));
        return edges.contains("\t") || edges.replace("\r\n", "\n").contains("\r") ? "starts or ends with a tab or carriage return" : null;
    }
}
