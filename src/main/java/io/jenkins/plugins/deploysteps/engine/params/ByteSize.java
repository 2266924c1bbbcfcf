package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size threshold such as {@code 2GB} or {@code 512MB}. Units are binary (1 GB = 1024 MB), the way df,
 * free and Docker count, so a threshold compares with what the host reports without surprises.
 */
public record ByteSize(long bytes) implements java.io.Serializable {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?", Pattern.CASE_INSENSITIVE);

    /** The largest size any parameter takes (1024 TB): beyond it a value is a typo, and byte arithmetic could overflow. */
    public static final ByteSize MAX = new ByteSize(1L << 50);

    public static ByteSize parse(String field, String text) {
        String value = text == null ? "" : text.trim();
        Matcher m = FORM.matcher(value);
        if (value.length() > 40 || !m.matches()) {
            throw new SpecException(field, PrintableText.quote(text) + " is not a size (use B, KB, MB, GB or TB, e.g. '512MB', '2GB')");
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.compareTo(BigDecimal.valueOf(MAX.bytes)) > 0) {
            throw new SpecException(field, PrintableText.quote(text) + " is larger than the limit of " + MAX);
        }
        return new ByteSize(bytes.longValue());
    }

    public static ByteSize ofKiB(long kib) {
        return new ByteSize(kib * 1024);
    }

    @Override
    public String toString() {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
