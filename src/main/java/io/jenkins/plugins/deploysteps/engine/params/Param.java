package io.jenkins.plugins.deploysteps.engine.params;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One parameter of a step, declared once: its name, type, default, one-line doc, the rule that validates it and
 * whether it is secret. Binding reads values through it ({@code p.get(TIMEOUT)}); the CLI help, the docs tables,
 * the Jenkins help-file check, the form checks and the Jenkins step's parameter map all come from the same
 * declaration.
 *
 * <p>Declarations are immutable; the {@code with...} methods return changed copies, so a step can write
 * {@code Param.duration("timeout", Duration.ofSeconds(30)).doc("...")} as one constant.
 *
 * @param <T> what binding reads: {@link Duration}, {@link ByteSize}, {@code List<String>}, an enum...
 */
public final class Param<T> {
    /** How a value is read from the parameters, given the declared default. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Params params, String name, T fallback);
    }

    /** A rule a read value must keep; it throws {@link SpecException} naming {@code path}. */
    @FunctionalInterface
    public interface Rule<T> {
        void check(String path, T value);
    }

    /** Turns one entry of a list into what binding needs; throws {@link SpecException} naming {@code path}. */
    @FunctionalInterface
    public interface Converter<E> {
        E convert(String path, String text);
    }

    /** How the value is written: Jenkins' form fields and the step's parameter map depend on it. */
    public enum Kind {
        /** One value: a string, a number, a duration, a choice. */
        VALUE,
        /** A boolean that is always passed on. */
        BOOLEAN,
        /** A boolean that counts only when true: false is the same as leaving it out. */
        FLAG,
        /** A list of strings, one per line in a form. */
        LIST,
        /** A map of strings to strings. */
        MAP,
        /** A map of nested settings ({@code tls}), declared by {@link #nested()}. */
        SETTINGS,
        /** A list of maps of nested settings ({@code checks}), each declared by {@link #nested()}. */
        SETTINGS_LIST
    }

    private final String name;
    private final String type;
    private final Kind kind;
    private final T fallback;
    private final String shownDefault;
    private final String doc;
    private final boolean secret;
    private final Reader<T> reader;
    private final List<Rule<T>> rules;
    private final ParamSet nested;

    private Param(String name, String type, Kind kind, T fallback, String shownDefault, String doc, boolean secret, Reader<T> reader,
            List<Rule<T>> rules, ParamSet nested) {
        this.name = name;
        this.type = type;
        this.kind = kind;
        this.fallback = fallback;
        this.shownDefault = shownDefault;
        this.doc = doc;
        this.secret = secret;
        this.reader = reader;
        this.rules = List.copyOf(rules);
        this.nested = nested;
    }

    private static <T> Param<T> of(String name, String type, Kind kind, T fallback, String shownDefault, Reader<T> reader) {
        return new Param<>(name, type, kind, fallback, shownDefault, "", false, reader, List.of(), null);
    }

    /** A string; blank counts as not set. */
    public static Param<String> string(String name) {
        return of(name, "string", Kind.VALUE, null, "not set", (p, n, f) -> p.optionalString(n).orElse(f));
    }

    /** A string that must be given. */
    public static Param<String> requiredString(String name) {
        return of(name, "string", Kind.VALUE, null, "required", (p, n, f) -> p.requiredString(n));
    }

    public static Param<Boolean> bool(String name, boolean fallback) {
        return of(name, "boolean", Kind.BOOLEAN, fallback, null, Params::bool);
    }

    /** A boolean that is off unless set; a form leaves it out when unticked. */
    public static Param<Boolean> flag(String name) {
        return of(name, "boolean", Kind.FLAG, false, null, Params::bool);
    }

    /** A whole number in {@code [min, max]}; a null {@code fallback} reads as null when not set. */
    public static Param<Integer> integer(String name, Integer fallback, int min, int max) {
        return of(name, "number", Kind.VALUE, fallback, fallback == null ? "not set" : null,
                (p, n, f) -> p.optionalLong(n, min, max).map(Long::intValue).orElse(f));
    }

    /** A number of at least {@code min}; null when not set. */
    public static Param<Double> number(String name, double min) {
        return of(name, "number", Kind.VALUE, null, "not set", (p, n, f) -> p.optionalNumber(n, min).orElse(f));
    }

    /** A duration longer than zero ({@code '90s'}, {@code '2m'}). */
    public static Param<Duration> duration(String name, Duration fallback) {
        return of(name, "duration", Kind.VALUE, fallback, null, Params::duration);
    }

    /** A duration that may be left out (null), or zero. */
    public static Param<Duration> optionalDuration(String name) {
        return of(name, "duration", Kind.VALUE, null, "not set", (p, n, f) -> p.optionalDuration(n).orElse(f));
    }

    /** A size with binary units ({@code '2GB'}); null when not set. */
    public static Param<ByteSize> size(String name) {
        return of(name, "size", Kind.VALUE, null, "not set", (p, n, f) -> p.optionalSize(n).orElse(f));
    }

    /** A list of strings; a single string counts as a one-element list. Not set reads as {@code fallback}. */
    public static Param<List<String>> strings(String name, List<String> fallback) {
        return of(name, "list of strings", Kind.LIST, List.copyOf(fallback), null, (p, n, f) -> {
            List<String> v = p.stringList(n);
            return v.isEmpty() ? f : v;
        });
    }

    /** As {@link #strings}, but set to an empty list it reads as empty ({@code preserve: []}: nothing), not as {@code fallback}. */
    public static Param<List<String>> stringsOrNone(String name, List<String> fallback) {
        return of(name, "list of strings", Kind.LIST, List.copyOf(fallback), null, (p, n, f) -> p.has(n) ? p.stringList(n) : f);
    }

    /** A list of strings, each turned into an {@code E} ({@code Pattern}s from regular expressions); not set: empty. */
    public static <E> Param<List<E>> list(String name, String type, Converter<E> each) {
        return of(name, type, Kind.LIST, List.of(), null, (p, n, f) -> {
            List<String> texts = p.stringList(n);
            List<E> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                out.add(each.convert(p.path(n) + "[" + i + "]", texts.get(i)));
            }
            return texts.isEmpty() ? f : out;
        });
    }

    /**
     * Expected HTTP statuses: {@code 200}, {@code '2xx'}, {@code '200-399'} or a list of them, read as a list of
     * strings; not set reads as the default. A form writes it as one value ({@code 200, 204}), so it is not a list field there.
     */
    public static Param<List<String>> statuses(String name) {
        return of(name, "status list", Kind.VALUE, List.of(), "not set", (p, n, f) -> {
            List<String> v = p.stringList(n);
            return v.isEmpty() ? f : v;
        });
    }

    /** One of an enum's values, written as the enum's {@code toString()}, case-insensitive. */
    public static <E extends Enum<E>> Param<E> choice(String name, Class<E> type, E fallback) {
        String choices = List.of(type.getEnumConstants()).stream().map(e -> "'" + e + "'").collect(Collectors.joining(" or "));
        return of(name, choices, Kind.VALUE, fallback, fallback == null ? "not set" : null, (p, n, f) -> p.choice(n, type, f));
    }

    /** A credential ID, resolved to the credential's values; errors name the parameter, never a secret. */
    public static Param<Optional<io.jenkins.plugins.deploysteps.engine.secret.Credential>> credential(String name) {
        return of(name, "string", Kind.VALUE, Optional.empty(), "not set", (p, n, f) -> p.credential(n));
    }

    /** A map of strings to strings ({@code headers}). */
    public static Param<Map<String, String>> stringMap(String name) {
        return of(name, "map", Kind.MAP, Map.of(), null, (p, n, f) -> p.stringMap(n));
    }

    /** A map of nested settings, each declared in {@code nested}; read as parameters of their own. */
    public static Param<Optional<Params>> settings(String name, ParamSet nested) {
        return new Param<>(name, "map", Kind.SETTINGS, Optional.empty(), "not set", "", false, (p, n, f) -> p.map(n), List.of(), nested);
    }

    /** A list of maps of nested settings, each declared in {@code nested}. */
    public static Param<List<Params>> settingsList(String name, ParamSet nested) {
        return new Param<>(name, "list of maps", Kind.SETTINGS_LIST, List.of(), null, "", false, (p, n, f) -> p.maps(n), List.of(), nested);
    }

    /** The one-line doc the CLI help, the docs tables and (stated again in prose) the Jenkins help file show. */
    public Param<T> doc(String text) {
        return new Param<>(name, type, kind, fallback, shownDefault, text, secret, reader, rules, nested);
    }

    /** The value binding reads when the parameter is not set. */
    public Param<T> withDefault(T value) {
        return new Param<>(name, type, kind, value, null, doc, secret, reader, rules, nested);
    }

    /** A rule every read value must keep, checked in {@link #read}. */
    public Param<T> rule(Rule<T> rule) {
        List<Rule<T>> more = new ArrayList<>(rules);
        more.add(rule);
        return new Param<>(name, type, kind, fallback, shownDefault, doc, secret, reader, more, nested);
    }

    /** A rule for each entry of a list parameter; it names the entry ({@code paths[1]}). */
    public static <E> Rule<List<E>> eachEntry(Rule<E> rule) {
        return (path, values) -> {
            for (int i = 0; i < values.size(); i++) {
                rule.check(path + "[" + i + "]", values.get(i));
            }
        };
    }

    /** The value is a secret (a password, a token): never shown, never echoed in a message. */
    public Param<T> secret() {
        return new Param<>(name, type, kind, fallback, shownDefault, doc, true, reader, rules, nested);
    }

    /** The default as words ({@code 'the step name'}) when it is not one literal value. */
    public Param<T> shownDefault(String words) {
        return new Param<>(name, type, kind, fallback, words, doc, secret, reader, rules, nested);
    }

    /** A different type name for help and docs ({@code 'status list'}). */
    public Param<T> type(String typeName) {
        return new Param<>(name, typeName, kind, fallback, shownDefault, doc, secret, reader, rules, nested);
    }

    /** Reads the value (or the default) and checks the declared rules. */
    public T read(Params params) {
        return read(params, fallback);
    }

    /** As {@link #read(Params)}, with a default that depends on other parameters (a check's timeout is the step's). */
    public T read(Params params, T otherDefault) {
        T value = reader.read(params, name, otherDefault);
        if (value != null) {
            for (Rule<T> r : rules) {
                r.check(params.path(name), value);
            }
        }
        return value;
    }

    public String name() { return name; }
    public String type() { return type; }
    public Kind kind() { return kind; }
    public T defaultValue() { return fallback; }
    public String doc() { return doc; }
    public boolean isSecret() { return secret; }

    /** The declarations of a map or list-of-maps parameter's entries; empty for the others. */
    public ParamSet nested() {
        return nested == null ? ParamSet.of() : nested;
    }

    /** Whether the default is one value a user could write ({@code '30s'}, {@code true}), rather than words ({@code required}). */
    public boolean hasLiteralDefault() {
        return shownDefault == null;
    }

    /** The default as help and docs show it: {@code '30s'}, {@code true}, {@code ['/']}, or words such as {@code required}. */
    public String defaultText() {
        return hasLiteralDefault() ? ParamText.literal(fallback) : shownDefault;
    }

    /** The default as a Jenkins field holds it, without quotes: {@code 30s}, {@code true}, {@code /}. */
    public String plainDefault() {
        if (fallback instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        }
        return fallback instanceof Duration d ? Durations.format(d) : String.valueOf(fallback);
    }

    @Override
    public String toString() {
        return name;
    }
}
