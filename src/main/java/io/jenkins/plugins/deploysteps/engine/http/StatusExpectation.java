package io.jenkins.plugins.deploysteps.engine.http;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status codes a check accepts: a code ({@code 200}), a range ({@code 200-299}, or {@code 2xx}), or a list of
 * those ({@code [200, 204]}, {@code '200, 204'}).
 */
public record StatusExpectation(List<Range> ranges) implements Serializable {
    private static final Pattern CODE = Pattern.compile("([1-5]\\d\\d)");
    private static final Pattern RANGE = Pattern.compile("([1-5]\\d\\d)\\s*-\\s*([1-5]\\d\\d)");
    private static final Pattern CLASS = Pattern.compile("([1-5])[xX][xX]");

    public static final StatusExpectation SUCCESS = new StatusExpectation(List.of(new Range(200, 299)));
    public static final StatusExpectation REDIRECT = new StatusExpectation(List.of(new Range(300, 399)));

    public record Range(int from, int to) implements Serializable {
        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    public StatusExpectation {
        ranges = List.copyOf(ranges);
    }

    /** Parses what a user wrote; each item may itself be a comma-separated list. Empty when something is not a status. */
    public static Optional<StatusExpectation> parse(List<String> items) {
        List<Range> out = new ArrayList<>();
        for (String item : items) {
            for (String part : item.split(",")) {
                String p = part.trim();
                Matcher m;
                if ((m = CODE.matcher(p)).matches()) {
                    int c = Integer.parseInt(m.group(1));
                    out.add(new Range(c, c));
                } else if ((m = RANGE.matcher(p)).matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))) {
                    out.add(new Range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                } else if ((m = CLASS.matcher(p)).matches()) {
                    int c = Integer.parseInt(m.group(1)) * 100;
                    out.add(new Range(c, c + 99));
                } else {
                    return Optional.empty();
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new StatusExpectation(out));
    }

    public boolean accepts(int status) {
        return ranges.stream().anyMatch(r -> status >= r.from() && status <= r.to());
    }

    @Override
    public String toString() {
        return String.join(", ", ranges.stream().map(Range::toString).toList());
    }
}
