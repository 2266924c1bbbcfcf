package io.jenkins.plugins.deploysteps.engine.nginx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The parts of an nginx configuration file this step needs: its {@code server} blocks (at the top level, as in a
 * site file nginx includes inside {@code http}, or inside {@code http}), their {@code server_name}s, the
 * {@code location} blocks directly inside them and the comments at their level. Read with nginx's own tokenizing
 * rules ({@code ngx_conf_read_token}): quotes and backslash escapes, {@code #} comments only where a word starts,
 * {@code ${var}} inside words, and {@code ;}, <code>{</code> and <code>}</code> outside them. Offsets are character
 * offsets into the text, which the caller decodes as ISO-8859-1 so that every byte is one character and a file
 * round-trips byte for byte.
 */
final class NginxConfig {
    /** A {@code location} block: {@code modifier} is {@code ""} for a prefix location, else {@code =}, {@code ^~}, {@code ~}... */
    record Location(String modifier, String uri, int line) {}

    /** A comment at a server block's own level: the text after {@code #}. */
    record Comment(int offset, int line, String text) {}

    /**
     * A server block.
     *
     * @param line where {@code server} is (1-based)
     * @param closeOffset where its closing brace is
     * @param firstInnerOffset where its first directive starts, or -1 when it has none
     */
    record Server(int line, int closeOffset, int firstInnerOffset, List<String> names, List<Location> locations, List<Comment> comments) {
        Server {
            names = List.copyOf(names);
            locations = List.copyOf(locations);
            comments = List.copyOf(comments);
        }

        String describe() {
            return "the server block at line " + line + (names.isEmpty() ? " (no server_name)" : " (server_name " + String.join(" ", names) + ")");
        }
    }

    /** The text is not a configuration nginx could read; the message says where. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private final int[] lineStarts;

    private NginxConfig(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        return new NginxConfig(text).line(offset);
    }

    private int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** One open block while reading. */
    private static final class Frame {
        final String name;
        final int line;
        final Builder server;

        Frame(String name, int line, Builder server) {
            this.name = name;
            this.line = line;
            this.server = server;
        }
    }

    private static final class Builder {
        final int line;
        int firstInnerOffset = -1;
        final List<String> names = new ArrayList<>();
        final List<Location> locations = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();

        Builder(int line) {
            this.line = line;
        }
    }

    /** The server blocks of {@code text}, in file order. */
    static List<Server> servers(String text) throws SyntaxException {
        return new NginxConfig(text).parse();
    }

    private List<Server> parse() throws SyntaxException {
        List<Server> servers = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        List<String> args = new ArrayList<>();
        int directiveStart = -1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (isSpace(ch)) {
                i++;
                continue;
            }
            Frame top = stack.peek();
            if (ch == '#' ) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (top != null && top.server != null && args.isEmpty()) {
                    top.server.comments.add(new Comment(i, line(i), text.substring(i + 1, end).replace("\r", "")));
                }
                i = end;
                continue;
            }
            if (ch == ';' || ch == '{') {
                if (args.isEmpty()) {
                    throw new SyntaxException("unexpected '" + ch + "' at line " + line(i));
                }
                if (ch == ';') {
                    if (top != null && top.server != null && args.get(0).equals("server_name")) {
                        top.server.names.addAll(args.subList(1, args.size()));
                    }
                } else {
                    String name = args.get(0);
                    Builder server = null;
                    if (name.equals("server") && (top == null || top.name.equals("http"))) {
                        server = new Builder(line(directiveStart));
                    } else if (name.equals("location") && top != null && top.server != null && args.size() >= 2) {
                        String modifier = args.size() >= 3 ? args.get(1) : "";
                        top.server.locations.add(new Location(modifier, args.get(args.size() - 1), line(directiveStart)));
                    }
                    stack.push(new Frame(name, line(directiveStart), server));
                }
                args.clear();
                i++;
                continue;
            }
            if (ch == '}') {
                if (!args.isEmpty()) {
                    throw new SyntaxException("unexpected '}' at line " + line(i) + " (a directive before it has no ';')");
                }
                Frame closed = stack.poll();
                if (closed == null) {
                    throw new SyntaxException("unexpected '}' at line " + line(i) + ": no block is open there");
                }
                if (closed.server != null) {
                    Builder b = closed.server;
                    servers.add(new Server(b.line, i, b.firstInnerOffset, b.names, b.locations, b.comments));
                }
                i++;
                continue;
            }
            if (args.isEmpty()) {
                directiveStart = i;
                if (top != null && top.server != null && top.server.firstInnerOffset < 0) {
                    top.server.firstInnerOffset = i;
                }
            }
            StringBuilder word = new StringBuilder();
            i = ch == '"' || ch == '\'' ? quoted(i, word) : plain(i, word);
            args.add(word.toString());
        }
        if (!args.isEmpty()) {
            throw new SyntaxException("unexpected end of file: the directive at line " + line(directiveStart) + " has no ';'");
        }
        if (!stack.isEmpty()) {
            Frame open = stack.peek();
            throw new SyntaxException("unexpected end of file: the '" + open.name + "' block at line " + open.line + " is not closed");
        }
        return servers;
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    /** A quoted word from {@code start}; returns the offset after it, which must be followed by a blank, ';' or '{'. */
    private int quoted(int start, StringBuilder word) throws SyntaxException {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == quote) {
                i++;
                if (i < text.length() && !isSpace(text.charAt(i)) && text.charAt(i) != ';' && text.charAt(i) != '{' && text.charAt(i) != ')') {
                    throw new SyntaxException("unexpected '" + text.charAt(i) + "' after a quoted string at line " + line(i));
                }
                return i;
            }
            word.append(c);
            i++;
        }
        throw new SyntaxException("unexpected end of file: the string at line " + line(start) + " is not closed");
    }

    /** An unquoted word: it ends at a blank, ';' or '{' (but not the '{' of '${var}'); '}' inside a word is part of it, as for nginx. */
    private int plain(int start, StringBuilder word) {
        int i = start;
        boolean variable = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && variable) {
                word.append(c);
                i++;
                variable = false;
                continue;
            }
            variable = false;
            if (c == '\\' && i + 1 < text.length()) {
                word.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '$') {
                variable = true;
            } else if (isSpace(c) || c == ';' || c == '{') {
                break;
            }
            word.append(c);
            i++;
        }
        return i;
    }
}
