package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One raw value of a plan or a Jenkinsfile (a string, a number, a list, a map) read as what a parameter needs, or
 * refused with a message naming {@code path}. {@link Params} keeps track of which names were read; this reads them.
 */
final class RawValues {
    private RawValues() {}

    static void refuseControlCharacters(String path, String s) {
        String problem = PrintableText.controlCharacter(s);
        if (problem != null) {
            throw new SpecException(path, PrintableText.quote(s) + " " + problem + ": control characters are not allowed");
        }
    }

    static boolean bool(String path, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new SpecException(path, PrintableText.quote(v) + " is not true or false");
        };
    }

    static long wholeNumber(String path, Object v, long min, long max) {
        // through BigInteger, so a number beyond a long is refused as out of range instead of wrapping around
        BigInteger n;
        try {
            n = v instanceof Number && !(v instanceof Double || v instanceof Float || v instanceof BigDecimal)
                    ? new BigInteger(v.toString()) : new BigInteger(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new SpecException(path, PrintableText.quote(v) + " is not a whole number");
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new SpecException(path, (n.bitLength() < 64 ? n.toString() : PrintableText.quote(n)) + " is out of range (" + min + " to " + max + ")");
        }
        return n.longValue();
    }

    static double number(String path, Object v, double min) {
        double d;
        try {
            d = v instanceof Number num ? num.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new SpecException(path, PrintableText.quote(v) + " is not a number");
        }
        if (Double.isNaN(d) || d < min) {
            throw new SpecException(path, v + " must be at least " + min);
        }
        return d;
    }

    /** A list; a single scalar counts as a one-element list, as Jenkins users often write {@code paths: '/'}. */
    static List<String> strings(String path, Object v) {
        if (v instanceof Map) {
            throw new SpecException(path, "must be a list of strings, not " + describe(v));
        }
        List<String> out = new ArrayList<>();
        Collection<?> items = v instanceof Collection<?> c ? c : List.of(v);
        int i = 0;
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof Collection || item.toString().isBlank()) {
                throw new SpecException(path + "[" + i + "]", "must be a non-empty string");
            }
            refuseControlCharacters(path + "[" + i + "]", item.toString());
            out.add(item.toString().trim());
            i++;
        }
        return out;
    }

    /** A map of strings to strings; values may be numbers or booleans in the source, and are read as text. */
    static Map<String, String> stringMap(String path, Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new SpecException(path, "must be a map, not " + describe(v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() == null || e.getValue() instanceof Map || e.getValue() instanceof Collection) {
                throw new SpecException(path + "[" + e.getKey() + "]", "must be a single value");
            }
            refuseControlCharacters(path + "[" + e.getKey() + "]", e.getKey().toString());
            if (e.getValue() != null) {
                refuseControlCharacters(path + "[" + e.getKey() + "]", e.getValue().toString());
            }
            out.put(e.getKey().toString(), e.getValue() == null ? null : e.getValue().toString());
        }
        return out;
    }

    /** One of an enum's values, by its {@code toString()}, case-insensitive. */
    static <E extends Enum<E>> E choice(String path, String v, Class<E> type) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.toString().equalsIgnoreCase(v)) {
                return e;
            }
            allowed.add("'" + e + "'");
        }
        throw new SpecException(path, PrintableText.quote(v) + " is not one of " + String.join(", ", allowed));
    }

    static String describe(Object v) {
        return v instanceof Map ? "a map" : v instanceof Collection ? "a list" : PrintableText.quote(v);
    }
}
