package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.List;

/**
 * Checks that build on each other, as an ordered list of named stages: each stage is a check of the value the one
 * before it found, and finds a value for the next. When a stage does not pass, or the chain starts without its value,
 * every stage after it is recorded as SKIP with the reason, so "skip the rest" needs no list of names or positions.
 *
 * <pre>{@code
 * Outcome<Session> session = Stages.from(mailbox)
 *         .then("request magic link", "requesting the link failed", link::request)
 *         .then("magic link email", "no email", link::readMail)
 *         .run(checks);
 * }</pre>
 *
 * <p>A stage may also be several checks ({@link #then(List, Part)}: a restore, a switch), which says itself what it
 * hands on; without a value it records the checks it lists as SKIP.
 */
public final class Stages<T> {
    /** One stage: a check of the previous stage's value that, passing, finds its own. */
    @FunctionalInterface
    public interface Stage<I, O> {
        Checked<O> run(Check.Builder check, I input) throws TargetException, InterruptedException;
    }

    /**
     * What a stage that did not pass leaves for the stages after it: it undoes what the stage began (a file written is
     * put back) and says why they are skipped.
     */
    @FunctionalInterface
    public interface IfNot<I> {
        String undo(I input) throws InterruptedException;
    }

    /** A stage of several checks, run on the previous stage's value: its value for the next, or why there is none. */
    @FunctionalInterface
    public interface Part<I, O> {
        Outcome<O> run(I input) throws InterruptedException;
    }

    private interface Chain<T> {
        Outcome<T> run(Recorder checks) throws InterruptedException;
    }

    private final Chain<T> chain;

    private Stages(Chain<T> chain) {
        this.chain = chain;
    }

    /** A chain whose first stage gets {@code input} (or is skipped for its reason). */
    public static <T> Stages<T> from(Outcome<T> input) {
        return new Stages<>(checks -> input);
    }

    /**
     * Then the check {@code name}, on the value so far.
     *
     * @param ifNot why the stages after it are skipped when it does not pass
     */
    public <O> Stages<O> then(String name, String ifNot, Stage<T, O> stage) {
        return then(name, input -> ifNot, stage);
    }

    /**
     * Then the check {@code name}, on the value so far; when it does not pass, {@code ifNot} undoes what it began
     * (its checks recorded after this one) and says why the stages after it are skipped.
     */
    public <O> Stages<O> then(String name, IfNot<T> ifNot, Stage<T, O> stage) {
        return new Stages<>(checks -> {
            Outcome<T> input = chain.run(checks);
            if (!input.present()) {
                checks.skip(name, input.why());
                return Outcome.missing(input.why());
            }
            Checked<O> result = checks.produce(name, c -> stage.run(c, input.value()));
            return result.passed() ? Outcome.of(result.value()) : Outcome.missing(ifNot.undo(input.value()));
        });
    }

    /**
     * Then a stage of several checks, on the value so far.
     *
     * @param names the checks the part records, in order: each is SKIP, with the reason, when there is no value for it
     */
    public <O> Stages<O> then(List<String> names, Part<T, O> part) {
        return new Stages<>(checks -> {
            Outcome<T> input = chain.run(checks);
            if (!input.present()) {
                names.forEach(n -> checks.skip(n, input.why()));
                return Outcome.missing(input.why());
            }
            return part.run(input.value());
        });
    }

    /** Runs the stages in order; the last one's value, or why there is none. */
    public Outcome<T> run(Recorder checks) throws InterruptedException {
        return chain.run(checks);
    }
}
