package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.BoundedMatch;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;

/**
 * Runs a check the same way everywhere: a start line, the body, timing, a finish line, the result in the
 * report. A body that throws a {@link TargetException} produced an ERROR with the real cause, never a made-up
 * verdict.
 */
public final class CheckRunner {
    /** Evaluates a check; the builder already carries the name. */
    @FunctionalInterface
    public interface Body {
        Check evaluate(Check.Builder check) throws TargetException, InterruptedException;
    }

    private final RunContext context;
    private final ReportBuilder report;

    public CheckRunner(RunContext context, ReportBuilder report) {
        this.context = context;
        this.report = report;
    }

    public Check run(String name, Body body) throws InterruptedException {
        return run(name, Severity.FAILURE, body);
    }

    public Check run(String name, Severity severity, Body body) throws InterruptedException {
        return produce(name, severity, c -> Checked.without(body.evaluate(c))).check();
    }

    /** Evaluates a check that, passing, finds a value later checks need; the builder already carries the name. */
    @FunctionalInterface
    public interface Producer<T> {
        Checked<T> evaluate(Check.Builder check) throws TargetException, InterruptedException;
    }

    /** As {@link #run(String, Body)}, for a check that hands its value on with it: a link found, a session issued. */
    public <T> Checked<T> produce(String name, Producer<T> body) throws InterruptedException {
        return produce(name, Severity.FAILURE, body);
    }

    private <T> Checked<T> produce(String name, Severity severity, Producer<T> body) throws InterruptedException {
        context.progress().checkStarted(name);
        long started = System.nanoTime();
        Checked<T> result;
        try {
            result = body.evaluate(Check.named(name).severity(severity));
        } catch (TargetException | BoundedMatch.TooCostly e) {
            result = Checked.without(Check.named(name).severity(severity).error(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or an input nobody foresaw: the check could not run, and the step goes on to report (and roll back)
            result = Checked.without(Check.named(name).severity(severity).error("unexpected error: " + Unexpected.describe(e)));
        }
        Check check = result.check();
        if (check.duration().isZero()) {
            check = check.withDuration(Duration.ofNanos(System.nanoTime() - started));
        }
        return Checked.of(record(check), result.value());
    }

    public Check skip(String name, String why) {
        return record(Check.named(name).skip(why));
    }

    public Check record(Check check) {
        Check masked = report.add(check);
        context.progress().checkFinished(masked);
        return masked;
    }
}
