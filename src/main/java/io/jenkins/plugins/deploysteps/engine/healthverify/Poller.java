package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec.Polling;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks until each is healthy or time is up: at most {@code parallelism} attempts at once, each check on its
 * own schedule. A failing check is tried again after {@code interval}, then twice as long each time up to
 * {@code maxInterval}; a passing one that still needs {@code consecutive} passes in a row comes back after
 * {@code interval}. Without {@code waitTimeout} a failure is final. Healthy checks are never re-run.
 */
record Poller(Polling polling, int parallelism, Progress progress) {
    /** One attempt of one check; its number starts at 1. */
    @FunctionalInterface
    interface Attempts {
        Attempt attempt(HealthCheckSpec check, int number) throws InterruptedException;
    }

    /**
     * How a check ended: its last attempt, how many there were, how long from the first start to the end, and how
     * many passes in a row it had at the end (fewer than {@code consecutive} when time ran out mid-streak).
     */
    record Outcome(Attempt last, int attempts, Duration took, int streak) {}

    Map<HealthCheckSpec, Outcome> run(List<HealthCheckSpec> checks, Attempts attempts, Duration longestAttempt) throws InterruptedException {
        Map<HealthCheckSpec, Outcome> outcomes = new ConcurrentHashMap<>();
        if (checks.isEmpty()) {
            return outcomes;
        }
        long start = System.nanoTime();
        long deadline = polling.waits() ? start + polling.waitTimeout().toNanos() : start;
        CountDownLatch done = new CountDownLatch(checks.size());
        AtomicInteger threadNumber = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(parallelism, r -> {
            Thread t = new Thread(r, "healthVerify-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (HealthCheckSpec c : checks) {
                progress.checkStarted(c.name());
                pool.execute(new Run(c, attempts, pool, deadline, outcomes, done));
            }
            // Every attempt is bounded by its own timeouts and nothing is scheduled past the deadline; this bound only
            // guards against a bug turning into a build that never ends.
            Duration bound = (polling.waits() ? polling.waitTimeout() : Duration.ZERO).plus(polling.maxInterval())
                    .plus(longestAttempt.multipliedBy(polling.consecutive() + 1L)).plus(Duration.ofMinutes(1));
            if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("health checks did not finish within " + Durations.format(bound));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<HealthCheckSpec, Outcome> ordered = new LinkedHashMap<>();
        checks.forEach(c -> ordered.put(c, outcomes.get(c)));
        return ordered;
    }

    /** One check's life: attempt, then finish or schedule the next attempt. */
    private final class Run implements Runnable {
        private final HealthCheckSpec check;
        private final Attempts attempts;
        private final ScheduledThreadPoolExecutor pool;
        private final long deadline;
        private final Map<HealthCheckSpec, Outcome> outcomes;
        private final CountDownLatch done;
        private final long started = System.nanoTime();
        private int number;
        private int streak;
        private Duration backoff = polling.interval();
        /** What the last printed attempt said: a poll prints only when this changes (or in verbose mode). */
        private String shown;

        Run(HealthCheckSpec check, Attempts attempts, ScheduledThreadPoolExecutor pool, long deadline, Map<HealthCheckSpec, Outcome> outcomes,
                CountDownLatch done) {
            this.check = check;
            this.attempts = attempts;
            this.pool = pool;
            this.deadline = deadline;
            this.outcomes = outcomes;
            this.done = done;
        }

        @Override
        public void run() {
            number++;
            Attempt a;
            try {
                a = attempts.attempt(check, number);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the step is being stopped; the waiting thread sees it too
            } catch (RuntimeException e) {
                a = new Attempt(List.of(Check.named(check.name()).attempts(number).error("the check itself failed: " + e)), false, e.toString());
            }
            streak = a.healthy() ? streak + 1 : 0;
            long now = System.nanoTime();
            Duration pause = a.healthy() ? polling.interval() : backoff;
            boolean again = streak < polling.consecutive() && (a.healthy() || polling.waits()) && (!polling.waits() || now < deadline);
            if (!again) {
                outcomes.put(check, new Outcome(a, number, Duration.ofNanos(now - started), streak));
                done.countDown();
                return;
            }
            if (polling.waits()) {
                pause = Duration.ofNanos(Math.max(0, Math.min(pause.toNanos(), deadline - now)));
            }
            if (!a.healthy()) {
                backoff = Duration.ofNanos(Math.min(backoff.toNanos() * 2, polling.maxInterval().toNanos()));
            }
            String state = a.healthy() ? "passing" : "not healthy yet: " + a.summary();
            if (!state.equals(shown) || progress.isVerbose()) {
                progress.info("[" + check.name() + "] attempt " + number + ": " + (a.healthy() ? "passed (" + streak + " of " + polling.consecutive()
                        + " in a row)" : state) + "; next attempt in " + Durations.human(pause));
                shown = state;
            }
            pool.schedule(this, pause.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
