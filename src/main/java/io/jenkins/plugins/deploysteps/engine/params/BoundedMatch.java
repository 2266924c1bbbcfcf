package io.jenkins.plugins.deploysteps.engine.params;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's regular expression run against text from a host or a server (log lines, response bodies) within bounds:
 * each line is searched up to {@link #LINE_LIMIT} characters, all the searches of one call share a time budget, and a
 * pattern that backtracks past the budget or recurses past the stack stops with {@link TooCostly} instead of holding a
 * deploy lock at 100 % CPU for minutes or ending the run with a {@link StackOverflowError}.
 */
public final class BoundedMatch {
    /** How much of one line (or body) a pattern searches. */
    public static final int LINE_LIMIT = 8192;
    /** How long the searches of one pattern over one text may take together. */
    public static final Duration BUDGET = Duration.ofSeconds(1);

    private final Pattern pattern;
    private final long deadline;

    private BoundedMatch(Pattern pattern, Duration budget) {
        this.pattern = pattern;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** The first line of {@code text} the pattern finds something in, stripped; empty when none does. */
    public static Optional<String> firstLine(Pattern pattern, String text) {
        return firstLine(pattern, text, BUDGET);
    }

    static Optional<String> firstLine(Pattern pattern, String text, Duration budget) {
        BoundedMatch m = new BoundedMatch(pattern, budget);
        for (String line : text.split("\n")) {
            if (m.find(line).isPresent()) {
                return Optional.of(line.strip());
            }
        }
        return Optional.empty();
    }

    /** What the pattern finds in {@code text} (its first {@link #LINE_LIMIT} characters); empty when nothing. */
    public static Optional<String> find(Pattern pattern, String text) {
        return new BoundedMatch(pattern, BUDGET).find(text);
    }

    private Optional<String> find(String text) {
        CharSequence bounded = new Deadlined(text.length() > LINE_LIMIT ? text.substring(0, LINE_LIMIT) : text);
        try {
            Matcher m = pattern.matcher(bounded);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        } catch (StackOverflowError e) {
            throw new TooCostly(pattern, "needs more stack than a " + bounded.length() + "-character line allows (a repeated group such as (a|aa)+)");
        }
    }

    /** A pattern that exceeded its bound; the message names the pattern and what it ran into. */
    public static final class TooCostly extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooCostly(Pattern pattern, String why) {
            super("the pattern '" + pattern.pattern() + "' " + why + ": simplify it");
        }

        /** The same, naming the parameter the pattern came from. */
        public TooCostly(String parameter, TooCostly cause) {
            super(parameter + ": " + cause.getMessage(), cause);
        }
    }

    /** The text as the matcher reads it, checking the deadline every few thousand characters read. */
    private final class Deadlined implements CharSequence {
        private final String text;
        private int reads;

        Deadlined(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new TooCostly(pattern, "took longer than " + Durations.format(BUDGET) + " (catastrophic backtracking)");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
