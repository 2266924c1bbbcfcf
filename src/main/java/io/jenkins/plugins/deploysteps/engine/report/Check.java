package io.jenkins.plugins.deploysteps.engine.report;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One verified fact about a deployment, in Hurl's assert model: what was expected, what was found, and a
 * verdict. Immutable; build one with {@link #named(String)}.
 */
public final class Check implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final Status status;
    private final Duration duration;
    private final String expected;
    private final String actual;
    private final String message;
    private final int attempts;
    private final List<Evidence> evidence;

    private Check(Builder b, Status status, String message) {
        this.id = b.id == null ? idOf(b.name) : b.id;
        this.name = b.name;
        this.status = status;
        this.duration = b.duration;
        this.expected = b.expected;
        this.actual = b.actual;
        this.message = message;
        this.attempts = b.attempts;
        this.evidence = List.copyOf(b.evidence);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * The check's id, for tools that follow a check across builds: lower-case letters, digits, '.', '-' and '_',
     * set by the step or else derived from the name. Display names may be reworded; ids a step sets are not.
     */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** A name as an id: lower case, every run of other characters one dash. */
    static String idOf(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "check" : s;
    }

    /** The same check under another id: how a report keeps the ids of its checks distinct. */
    Check withId(String newId) {
        Builder b = copy(name);
        b.id = newId;
        return new Check(b, status, message);
    }

    public Status status() {
        return status;
    }

    public Duration duration() {
        return duration;
    }

    /** What the check wanted, for example {@code >= 2.0 GiB}; null when the check has no single expectation. */
    public String expected() {
        return expected;
    }

    /** What the check found; null when it could not look. */
    public String actual() {
        return actual;
    }

    public String message() {
        return message;
    }

    public int attempts() {
        return attempts;
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    /** The same check with every text passed through {@code f}: how secrets are masked on the way into a report. */
    public Check mapText(UnaryOperator<String> f) {
        Builder b = named(f.apply(name)).duration(duration).attempts(attempts);
        b.id = f.apply(id);
        b.expected = expected == null ? null : f.apply(expected);
        b.actual = actual == null ? null : f.apply(actual);
        for (Evidence e : evidence) {
            b.evidence.add(new Evidence(f.apply(e.label()), f.apply(e.text())));
        }
        return new Check(b, status, message == null ? null : f.apply(message));
    }

    public Check withDuration(Duration d) {
        return new Check(copy(name).duration(d), status, message);
    }

    private Builder copy(String newName) {
        Builder b = named(newName).duration(duration).attempts(attempts).expected(expected).actual(actual);
        b.id = id;
        b.evidence.addAll(evidence);
        return b;
    }

    @Override
    public String toString() {
        return status + " " + name + (message == null ? "" : ": " + message);
    }

    public static final class Builder {
        private final String name;
        private String id;
        private Duration duration = Duration.ZERO;
        private String expected;
        private String actual;
        private int attempts = 1;
        private Severity severity = Severity.FAILURE;
        private final List<Evidence> evidence = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** A stable id, such as {@code disk.free./var}, kept when the display name is reworded. */
        public Builder id(String id) {
            this.id = idOf(Objects.requireNonNull(id, "id"));
            return this;
        }

        public Builder duration(Duration d) {
            this.duration = d == null ? Duration.ZERO : d;
            return this;
        }

        public Builder expected(String expected) {
            this.expected = expected;
            return this;
        }

        public Builder actual(String actual) {
            this.actual = actual;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity == null ? Severity.FAILURE : severity;
            return this;
        }

        public Builder evidence(String label, String text) {
            if (text != null && !text.isEmpty()) {
                evidence.add(new Evidence(label, text));
            }
            return this;
        }

        public Check pass() {
            return new Check(this, Status.PASS, null);
        }

        public Check pass(String message) {
            return new Check(this, Status.PASS, message);
        }

        /** Did not hold: FAIL, or WARN when the check's severity is {@code warning}. */
        public Check fail(String message) {
            return new Check(this, severity == Severity.WARNING ? Status.WARN : Status.FAIL, message);
        }

        /** Held, but something a person should look at. */
        public Check warn(String message) {
            return new Check(this, Status.WARN, message);
        }

        /** Could not run: the message is the real cause, never a made-up result. */
        public Check error(String message) {
            return new Check(this, severity == Severity.WARNING ? Status.WARN : Status.ERROR, message);
        }

        public Check skip(String message) {
            return new Check(this, Status.SKIP, message);
        }

        /** Passes or fails on {@code held}, for the common case of one comparison. */
        public Check verdict(boolean held, String messageIfNot) {
            return held ? pass() : fail(messageIfNot);
        }
    }
}
