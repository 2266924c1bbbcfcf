package io.jenkins.plugins.deploysteps.engine.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the change to a site file: finds the server block, the managed block (between its marker comments) if it is
 * there, and refuses to touch a {@code location} with the same path that it did not create. The result changes only
 * whole lines: adding inserts the block's lines before the server's closing brace, updating replaces the lines from
 * marker to marker, removing deletes them; so adding and then removing a route gives back the very same bytes.
 */
final class SiteEditor {
    /** The file cannot be changed as asked; the message says why and where. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    private SiteEditor() {}

    /**
     * @param text the file, decoded as ISO-8859-1 (one character per byte)
     * @param serverName null: the file's only server block
     * @param route null: remove the managed block of {@code location}
     */
    static SiteChange plan(String site, String text, String serverName, String location, Route route) throws Problem {
        NginxConfig.Server server = server(site, text, serverName);
        List<String> lines = splitLines(text);
        int[] managed = managedBlock(site, text, server, location);
        for (NginxConfig.Location l : server.locations()) {
            boolean samePath = l.uri().equals(location) && (l.modifier().isEmpty() || l.modifier().equals("^~") || l.modifier().equals("="));
            boolean ours = managed != null && l.line() - 1 > managed[0] && l.line() - 1 < managed[1];
            if (samePath && !ours) {
                throw new Problem(site + " line " + l.line() + " has 'location " + (l.modifier().isEmpty() ? "" : l.modifier() + " ") + l.uri()
                        + "', which nginxRoute did not create: it is never changed; remove it by hand or choose another location");
            }
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        String described = server.describe();
        if (route == null) {
            if (managed == null) {
                return new SiteChange(SiteChange.Kind.UNCHANGED, text, text, described);
            }
            List<String> after = new ArrayList<>(lines.subList(0, managed[0]));
            after.addAll(lines.subList(managed[1] + 1, lines.size()));
            return new SiteChange(SiteChange.Kind.REMOVED, text, String.join("", after), described);
        }
        int closeLine = NginxConfig.lineOf(text, server.closeOffset()) - 1;
        String closeIndent = text.substring(lineStart(text, server.closeOffset()), server.closeOffset());
        if (!closeIndent.isBlank()) {
            throw new Problem(site + " line " + (closeLine + 1) + ": the closing brace of " + described
                    + " shares its line with other text; put it on a line of its own so a block can go before it");
        }
        String indent = innerIndent(text, server, closeIndent);
        String unit = indent.startsWith(closeIndent) && indent.length() > closeIndent.length() ? indent.substring(closeIndent.length()) : "    ";
        List<String> block = new ArrayList<>();
        for (String l : route.lines(managed == null ? indent : leading(lines.get(managed[0])), unit)) {
            block.add(l + eol);
        }
        List<String> after;
        if (managed == null) {
            after = new ArrayList<>(lines.subList(0, closeLine));
            after.addAll(block);
            after.addAll(lines.subList(closeLine, lines.size()));
            return new SiteChange(SiteChange.Kind.ADDED, text, String.join("", after), described);
        }
        List<String> current = lines.subList(managed[0], managed[1] + 1);
        if (String.join("", current).equals(String.join("", block))) {
            return new SiteChange(SiteChange.Kind.UNCHANGED, text, text, described);
        }
        after = new ArrayList<>(lines.subList(0, managed[0]));
        after.addAll(block);
        after.addAll(lines.subList(managed[1] + 1, lines.size()));
        return new SiteChange(SiteChange.Kind.UPDATED, text, String.join("", after), described);
    }

    private static NginxConfig.Server server(String site, String text, String serverName) throws Problem {
        List<NginxConfig.Server> servers;
        try {
            servers = NginxConfig.servers(text);
        } catch (NginxConfig.SyntaxException e) {
            throw new Problem(site + " cannot be read as nginx configuration: " + e.getMessage());
        }
        if (servers.isEmpty()) {
            throw new Problem(site + " has no server block");
        }
        if (serverName == null) {
            if (servers.size() > 1) {
                throw new Problem(site + " has " + servers.size() + " server blocks (" + String.join("; ", servers.stream()
                        .map(NginxConfig.Server::describe).toList()) + "): set serverName to choose one");
            }
            return servers.get(0);
        }
        List<NginxConfig.Server> named = servers.stream().filter(s -> s.names().stream().anyMatch(n -> n.equalsIgnoreCase(serverName))).toList();
        if (named.isEmpty()) {
            throw new Problem(site + " has no server block with server_name " + serverName + " (found: " + String.join("; ", servers.stream()
                    .map(NginxConfig.Server::describe).toList()) + ")");
        }
        if (named.size() > 1) {
            throw new Problem(site + " has " + named.size() + " server blocks with server_name " + serverName + " (lines "
                    + String.join(", ", named.stream().map(s -> Integer.toString(s.line())).toList()) + "): nginxRoute cannot tell which one is meant");
        }
        return named.get(0);
    }

    /** 0-based first and last line of the managed block of {@code location} in {@code server}, or null when there is none. */
    private static int[] managedBlock(String site, String text, NginxConfig.Server server, String location) throws Problem {
        Integer begin = null;
        Integer end = null;
        for (NginxConfig.Comment c : server.comments()) {
            String marker = c.text().strip();
            boolean isBegin = marker.equals(Route.begin(location));
            if (!isBegin && !marker.equals(Route.end(location))) {
                continue;
            }
            if (!text.substring(lineStart(text, c.offset()), c.offset()).isBlank()) {
                throw new Problem(site + " line " + c.line() + ": the marker comment '" + marker + "' shares its line with other text; fix the file by hand");
            }
            if (isBegin) {
                if (begin != null) {
                    throw new Problem(site + " has two '" + marker + "' markers (lines " + (begin + 1) + " and " + c.line() + "); fix the file by hand");
                }
                begin = c.line() - 1;
            } else {
                if (begin == null || end != null) {
                    throw new Problem(site + " line " + c.line() + ": '" + marker + "' without its BEGIN marker before it; fix the file by hand");
                }
                end = c.line() - 1;
            }
        }
        if (begin != null && end == null) {
            throw new Problem(site + " line " + (begin + 1) + ": '# " + Route.begin(location) + "' has no END marker after it; fix the file by hand");
        }
        return begin == null ? null : new int[] {begin, end};
    }

    private static String innerIndent(String text, NginxConfig.Server server, String closeIndent) {
        int first = server.firstInnerOffset();
        if (first >= 0) {
            String before = text.substring(lineStart(text, first), first);
            if (before.isBlank() && before.length() > closeIndent.length()) {
                return before;
            }
        }
        return closeIndent + "    ";
    }

    private static int lineStart(String text, int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    private static String leading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** The lines of {@code text}, each with its line ending (the last one may have none). */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
