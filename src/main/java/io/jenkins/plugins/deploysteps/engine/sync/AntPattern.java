package io.jenkins.plugins.deploysteps.engine.sync;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An Ant-style path pattern, as {@code archiveArtifacts} and Ant's file sets read them: {@code *} and {@code ?} match
 * within one path segment, {@code **} matches any number of segments (also none), and a pattern ending in {@code /}
 * means everything below that folder. Like Ant, a pattern without {@code **} is anchored at the top of the tree:
 * {@code *.log} matches {@code app.log} but not {@code logs/app.log}.
 */
public final class AntPattern {
    private static final String ANY_SEGMENTS = "**";

    private final String text;
    private final List<String> segments;
    private final Pattern[] compiled;

    private AntPattern(String text) {
        this.text = text;
        String p = text.replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + ANY_SEGMENTS;
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        this.segments = Arrays.stream(p.split("/+")).filter(s -> !s.isEmpty()).toList();
        this.compiled = segments.stream().map(AntPattern::segmentRegex).toArray(Pattern[]::new);
    }

    public static AntPattern of(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("an empty pattern matches nothing");
        }
        return new AntPattern(pattern.strip());
    }

    /** Whether {@code path} (relative, {@code /}-separated, no leading {@code ./}) matches. */
    public boolean matches(String path) {
        String[] parts = path.split("/");
        return match(0, parts, 0);
    }

    /**
     * Whether this pattern matches {@code dir} and everything below it, so a walk need not look inside:
     * {@code node_modules/} or {@code **}{@code /node_modules/**} for any {@code node_modules} folder.
     */
    public boolean coversEverythingUnder(String dir) {
        return segments.size() > 0 && segments.get(segments.size() - 1).equals(ANY_SEGMENTS) && matches(dir);
    }

    private boolean match(int pi, String[] path, int si) {
        while (pi < segments.size()) {
            if (segments.get(pi).equals(ANY_SEGMENTS)) {
                if (pi == segments.size() - 1) {
                    return true;
                }
                for (int skip = si; skip <= path.length; skip++) {
                    if (match(pi + 1, path, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= path.length || !compiled[pi].matcher(path[si]).matches()) {
                return false;
            }
            pi++;
            si++;
        }
        return si == path.length;
    }

    private static Pattern segmentRegex(String segment) {
        if (segment.equals(ANY_SEGMENTS)) {
            return null;
        }
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : segment.toCharArray()) {
            if (ch == '*' || ch == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(ch == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return text;
    }
}
