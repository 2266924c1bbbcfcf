package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.BoundedMatch;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a check the same way everywhere: a start line, the body, timing, a finish line, the result in the
 * report. A body that throws a {@link TargetException} produced an ERROR with the real cause, never a made-up
 * verdict.
 */
public final class CheckRunner implements Recorder {
    /** Evaluates a check; the builder already carries the name. */
    @FunctionalInterface
    public interface Body {
        Check evaluate(Check.Builder check) throws TargetException, InterruptedException;
    }

    private final RunContext context;
    private final ReportBuilder report;
    private final String prefix;
    private final Consumer<Check> recorded;

    public CheckRunner(RunContext context, ReportBuilder report) {
        this(context, report, "", c -> {});
    }

    private CheckRunner(RunContext context, ReportBuilder report, String prefix, Consumer<Check> recorded) {
        this.context = context;
        this.report = report;
        this.prefix = prefix;
        this.recorded = recorded;
    }

    /**
     * A runner for the checks one step makes as part of another (composeDeploy's magic-link check of its new copy): the
     * same report, each check's name after {@code prefix}, and each check it records handed to {@code recorded} as
     * well, so that the step around it knows what failed.
     */
    public CheckRunner part(String prefix, Consumer<Check> recorded) {
        return new CheckRunner(context, report, this.prefix + prefix, this.recorded.andThen(recorded));
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
    @Override
    public <T> Checked<T> produce(String name, Producer<T> body) throws InterruptedException {
        return produce(name, Severity.FAILURE, body);
    }

    private <T> Checked<T> produce(String unprefixed, Severity severity, Producer<T> body) throws InterruptedException {
        String name = prefix + unprefixed;
        context.progress().checkStarted(name);
        long started = System.nanoTime();
        Checked<T> result;
        try {
            result = body.evaluate(Check.named(name).severity(severity));
        } catch (TargetException | RuntimeException | StackOverflowError e) {
            result = Checked.without(couldNotRun(name, severity, e));
        }
        Check check = result.check();
        if (check.duration().isZero()) {
            check = check.withDuration(Duration.ofNanos(System.nanoTime() - started));
        }
        return Checked.of(record(check), result.value());
    }

    /**
     * The check {@code name} that could not run because its body threw {@code cause}, as {@link #produce} records it: for
     * a stage that catches the failure of its check's last command itself, to hand on what it had done before (a copy
     * it rendered, which must be removed whatever happened next).
     */
    public static Check couldNotRun(String name, Severity severity, Throwable cause) {
        Check.Builder check = Check.named(name).severity(severity);
        if (cause instanceof TargetException || cause instanceof BoundedMatch.TooCostly) {
            return check.error(cause.getMessage());
        }
        // a bug or an input nobody foresaw: the check could not run, and the step goes on to report (and roll back)
        return check.error("unexpected error: " + Unexpected.describe(cause));
    }

    @Override
    public Check skip(String name, String why) {
        return record(Check.named(prefix + name).skip(why));
    }

    /** Records {@code name} as ERROR: it could not run, for {@code why}. */
    public Check error(String name, String why) {
        return record(Check.named(prefix + name).error(why));
    }

    /** Records a check made elsewhere, under the name it has. */
    public Check record(Check check) {
        Check masked = report.add(check);
        context.progress().checkFinished(masked);
        recorded.accept(masked);
        return masked;
    }
}
