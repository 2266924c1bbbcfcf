package io.jenkins.plugins.deploysteps.engine.run;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a stage of a workflow hands on to the stages after it: its value, or why they cannot have one (the reason
 * their checks are skipped with).
 */
public final class Outcome<T> {
    private final T value;
    private final String why;

    private Outcome(T value, String why) {
        this.value = value;
        this.why = why;
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "an outcome's value"), null);
    }

    public static <T> Outcome<T> missing(String why) {
        return new Outcome<>(null, Objects.requireNonNull(why, "why the value is missing"));
    }

    public boolean present() {
        return value != null;
    }

    /** The value; only for an outcome that is {@link #present()}. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("no value: " + why);
        }
        return value;
    }

    /** Why there is no value; null when there is one. */
    public String why() {
        return why;
    }

    public <U> Outcome<U> map(Function<T, U> f) {
        return value == null ? missing(why) : of(f.apply(value));
    }

    /** The same value, or, when there is none, missing for {@code reason}: what the stages after it are told. */
    public Outcome<T> orBecause(String reason) {
        return value == null ? missing(reason) : this;
    }

    /** Missing for {@code reason} also when {@code condition} does not hold. */
    public Outcome<T> onlyIf(boolean condition, String reason) {
        return value != null && !condition ? missing(reason) : this;
    }
}
