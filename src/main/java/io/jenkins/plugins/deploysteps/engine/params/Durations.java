package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in Jenkinsfiles and plans: {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
    /**
     * The longest duration any parameter takes. A week covers the slowest build or wait anyone means; beyond it a
     * value is a typo, and deadlines computed from it ({@code nanoTime() + timeout}) could overflow.
     */
    public static final Duration MAX = Duration.ofDays(7);

    private Durations() {}

    public static Duration parse(String field, String text) {
        String value = text == null ? "" : text.trim();
        if (value.length() > 40 || !WHOLE.matcher(value).matches()) {
            String hint = value.matches("\\d+") ? " needs a unit" : " is not a duration";
            throw new SpecException(field, PrintableText.quote(text) + hint + " (use ms, s, m or h, e.g. '90s', '2m', '1m30s')");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(value);
        while (m.find()) {
            // digits beyond what any bound allows are refused before they can overflow a long
            long amount = m.group(1).length() > 12 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(1);
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
            if (amount > MAX.dividedBy(unit) || total.plus(unit.multipliedBy(amount)).compareTo(MAX) > 0) {
                throw new SpecException(field, PrintableText.quote(text) + " is longer than the limit of " + format(MAX));
            }
            total = total.plus(unit.multipliedBy(amount));
        }
        return total;
    }

    /** The short form users write, so messages echo their own units back ({@code 90s}, {@code 2m}, {@code 1500ms}). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** Elapsed time for people: {@code 12 ms}, {@code 1.4 s}, {@code 2 m 05 s}. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(java.util.Locale.ROOT, "%d m %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
