package io.jenkins.plugins.deploysteps.engine.http;

/**
 * One assertion evaluated against one response, Hurl-style: what it looked at, what it wanted, what it found.
 *
 * @param subject what was looked at: {@code status}, {@code $.status}, {@code header Content-Type}, {@code latency}
 * @param message why it did not hold, in a sentence; null when it held
 */
public record AssertionResult(String subject, String expected, String actual, boolean held, String message) {

    public static AssertionResult of(String subject, String expected, String actual, boolean held) {
        return new AssertionResult(subject, expected, actual, held, held ? null : subject + ": expected " + expected + ", actual " + actual);
    }

    /** One line for the evidence table. */
    public String line() {
        return (held ? "PASS " : "FAIL ") + subject + ": expected " + expected + ", actual " + actual;
    }
}
