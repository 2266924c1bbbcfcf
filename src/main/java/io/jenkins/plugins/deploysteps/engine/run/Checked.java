package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;

/**
 * A check together with the value it found for the checks after it (a link, a session): a stage returns its value
 * with its check, so nothing has to carry it out of the check's body on the side.
 *
 * @param value what later checks need; counts only when the check passed
 */
public record Checked<T>(Check check, T value) {
    /** A check that, passing, found {@code value}. */
    public static <T> Checked<T> of(Check check, T value) {
        return new Checked<>(check, value);
    }

    /** A check that found nothing for later ones (it did not pass). */
    public static <T> Checked<T> without(Check check) {
        return new Checked<>(check, null);
    }

    public boolean passed() {
        return check.status() == Status.PASS && value != null;
    }

    /** The value for the stages after this one, or, when the check did not pass, missing for {@code ifNot}. */
    public Outcome<T> outcome(String ifNot) {
        return passed() ? Outcome.of(value) : Outcome.missing(ifNot);
    }
}
