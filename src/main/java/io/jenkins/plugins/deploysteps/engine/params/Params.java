package io.jenkins.plugins.deploysteps.engine.params;

import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import io.jenkins.plugins.deploysteps.engine.secret.PrintableText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Step parameters as a name → value map, the one shape both front ends produce: a Jenkins step turns its
 * fields into it, the CLI reads it from a plan. Every typed read remembers the name, so {@link #done()} can
 * refuse names nobody read (a typo in a plan is an error, not a silently ignored setting).
 */
public final class Params {
    private final String prefix;
    private final Map<String, Object> values;
    private final CredentialResolver credentials;
    private final Set<String> read = new LinkedHashSet<>();
    /** Names a binding asked for and did not find: what a typo most likely meant. */
    private final Set<String> missing = new LinkedHashSet<>();
    private final List<Params> nested = new ArrayList<>();

    private Params(String prefix, Map<String, ?> values, CredentialResolver credentials) {
        this.prefix = prefix;
        this.values = new LinkedHashMap<>(values);
        this.credentials = credentials;
    }

    /** Parameters without credentials: a credential ID among them is refused. */
    public static Params of(Map<String, ?> values) {
        return new Params("", values, CredentialResolver.NONE);
    }

    /** Parameters whose credential IDs resolve through {@code credentials} (Jenkins' store, a plan's section). */
    public static Params of(Map<String, ?> values, CredentialResolver credentials) {
        return new Params("", values, credentials);
    }

    /** Nested parameters ({@code checks[0]}, {@code tls}); their errors name the full path. */
    public Params nested(String name, Map<String, ?> values) {
        Params child = new Params(path(name) + ".", values, credentials);
        nested.add(child);
        return child;
    }

    /**
     * Runs a binding over these parameters. When it refuses something (most often a required name that is missing),
     * a key that is a typo of a name the binding looked for is the real fault and is reported instead: {@code hots}
     * rather than "host: is required". Bindings need not know every name up front for this.
     */
    public <T> T bind(Function<Params, T> binding) {
        try {
            return binding.apply(this);
        } catch (SpecException e) {
            throw typoBehind(e);
        }
    }

    /** The refusal to report for {@code e}, thrown while reading these parameters: a typo's if one explains it, else {@code e}. */
    public SpecException typoBehind(SpecException e) {
        return typo().orElse(e);
    }

    private Optional<SpecException> typo() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                Optional<String> meant = Typos.closest(key, missing);
                if (meant.isPresent()) {
                    return Optional.of(new SpecException(path(key), "unknown parameter (did you mean '" + meant.get() + "'?)"));
                }
            }
        }
        return nested.stream().map(Params::typo).flatMap(Optional::stream).findFirst();
    }

    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        return raw(name) != null;
    }

    private Object raw(String name) {
        read.add(name);
        Object v = values.get(name);
        if (v == null) {
            missing.add(name);
        }
        return v;
    }

    /** The value of a declared parameter, read and checked as its declaration says. */
    public <T> T get(Param<T> param) {
        return param.read(this);
    }

    /** As {@link #get(Param)}, with a default that depends on other parameters. */
    public <T> T get(Param<T> param, T otherDefault) {
        return param.read(this, otherDefault);
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> new SpecException(path(name), "is required"));
    }

    public Optional<String> optionalString(String name) {
        Object v = raw(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof Collection) {
            throw new SpecException(path(name), "must be a single value, not " + RawValues.describe(v));
        }
        String s = v.toString();
        RawValues.refuseControlCharacters(path(name), s);
        return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    public String string(String name, String fallback) {
        return optionalString(name).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        Object v = raw(name);
        return v == null ? fallback : RawValues.bool(path(name), v);
    }

    public Optional<Long> optionalLong(String name, long min, long max) {
        Object v = raw(name);
        if (v == null || v.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(RawValues.wholeNumber(path(name), v, min, max));
    }

    public int integer(String name, int fallback, int min, int max) {
        return optionalLong(name, min, max).map(Long::intValue).orElse(fallback);
    }

    public Optional<Double> optionalNumber(String name, double min) {
        Object v = raw(name);
        if (v == null || v.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(RawValues.number(path(name), v, min));
    }

    public Optional<Duration> optionalDuration(String name) {
        return optionalString(name).map(s -> Durations.parse(path(name), s));
    }

    public Duration duration(String name, Duration fallback) {
        Duration d = optionalDuration(name).orElse(fallback);
        if (d.isZero() || d.isNegative()) {
            throw new SpecException(path(name), "must be longer than zero");
        }
        return d;
    }

    public Optional<ByteSize> optionalSize(String name) {
        return optionalString(name).map(s -> ByteSize.parse(path(name), s));
    }

    /** A list; a single scalar counts as a one-element list, as Jenkins users often write {@code paths: '/'}. */
    public List<String> stringList(String name) {
        Object v = raw(name);
        return v == null ? new ArrayList<>() : RawValues.strings(path(name), v);
    }

    /** A nested map of parameters ({@code tls: [warnDays: 21]}), read with the same rules; its errors name {@code tls.warnDays}. */
    public Optional<Params> map(String name) {
        Object v = raw(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new SpecException(path(name), "must be a map of settings, not " + RawValues.describe(v));
        }
        return Optional.of(nested(name, stringKeys(name, m)));
    }

    /** A list of nested maps ({@code checks: [[name: 'api', url: ...], ...]}); errors name {@code checks[2].url}. */
    public List<Params> maps(String name) {
        Object v = raw(name);
        List<Params> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Collection<?> items)) {
            throw new SpecException(path(name), "must be a list of maps, not " + RawValues.describe(v));
        }
        int i = 0;
        for (Object item : items) {
            String at = name + "[" + i + "]";
            if (!(item instanceof Map<?, ?> m)) {
                throw new SpecException(path(at), "must be a map of settings, not " + RawValues.describe(item));
            }
            out.add(nested(at, stringKeys(at, m)));
            i++;
        }
        return out;
    }

    /**
     * A map of strings to strings ({@code headers}, {@code expectJson}). Values may be numbers or booleans in the
     * source; they are compared as text.
     */
    public Map<String, String> stringMap(String name) {
        Object v = raw(name);
        return v == null ? new LinkedHashMap<>() : RawValues.stringMap(path(name), v);
    }

    private Map<String, Object> stringKeys(String name, Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new SpecException(path(name), "keys must be names, not " + e.getKey());
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    /** A credential ID, resolved to the credential's values; errors name the field, never a secret. */
    public Optional<Credential> credential(String name) {
        return optionalString(name).map(id -> credentials.resolve(path(name), id));
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        return optionalString(name).map(v -> RawValues.choice(path(name), v, type)).orElse(fallback);
    }

    /** Call after reading every known parameter: names nobody asked for are typos, and typos must not pass. */
    public void done() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                String suggestion = Typos.closest(key, read).map(s -> " (did you mean '" + s + "'?)").orElse("");
                throw new SpecException(path(key), "unknown parameter" + suggestion + "; known: " + String.join(", ", read));
            }
        }
    }

    /** {@link #done()}, then hands back what was bound from these parameters: {@code return p.done(new Spec(...))}. */
    public <T> T done(T bound) {
        done();
        return bound;
    }
}
