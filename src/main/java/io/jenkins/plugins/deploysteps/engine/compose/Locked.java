package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;

/**
 * The stages that run under a directory's lock: the value they get (missing when the lock was not taken), and the
 * lock, released on close (null when it was not taken).
 */
record Locked<T>(Outcome<T> value, RemoteLock.Held held) implements AutoCloseable {
    static String check(ComposeTarget target) {
        return "lock " + target.dir();
    }

    /**
     * Takes the lock of {@code run}'s directory as the stage {@code lock <dir>}, waiting for another deploy up to
     * lockTimeout (then FAIL, naming the holder). The stages under it get {@code value} when it is held, else why not
     * ({@code ifNot}, or why there was no value to begin with).
     */
    static <T> Locked<T> take(ComposeRun run, Outcome<T> value, VerifySettings verify, String ifNot) throws InterruptedException {
        ComposeTarget target = run.target;
        Outcome<RemoteLock.Held> held = Stages.from(value).then(check(target), ifNot, (c, v) -> {
            c.expected("no other deploy to " + target.dir() + " (waits up to " + Durations.format(run.timeouts.lockWait()) + ")");
            RemoteLock.Held taken;
            try {
                taken = new RemoteLock(run.link, run.ctx.progress()).acquire(target.lockPath(), run.ctx.holder(), run.timeouts.lockWait(),
                        run.timeouts.lease(verify), run.sudo());
            } catch (LockTimeoutException e) {
                return Checked.without(c.actual("held by someone else").fail(e.getMessage()));
            }
            return Checked.of(c.actual("held by " + run.ctx.holder()).pass(run.dryRun ? "dry run: printed, not taken" : null), taken);
        }).run(run);
        return new Locked<>(held.map(h -> value.value()), held.present() ? held.value() : null);
    }

    /** {@code value} with no lock of its own to take: the stages under it run as they would under one. */
    static <T> Locked<T> without(Outcome<T> value) {
        return new Locked<>(value, null);
    }

    @Override
    public void close() {
        if (held != null) {
            held.close();
        }
    }
}
