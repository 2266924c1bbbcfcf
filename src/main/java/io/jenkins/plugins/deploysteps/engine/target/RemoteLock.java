package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import java.time.Duration;
import java.util.UUID;

/**
 * A lock directory on a host that serializes deploys to the same place. It records who holds it and since
 * when; a waiter gives up after its wait timeout naming the holder; a lock whose lease ran out (its holder
 * died with the connection) is taken over. {@link Held#close()} releases it on every path. A lock command whose reply
 * is lost (the connection dropped, say) may still have done its work on the host; both taking and releasing are by
 * a token of this run, so they are made sure of by token, over a new connection when the target can open one.
 */
public final class RemoteLock {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Target target;
    private final Progress progress;

    public RemoteLock(Target target, Progress progress) {
        this.target = target;
        this.progress = progress;
    }

    public Held acquire(String lockPath, String holder, Duration wait, Duration lease, boolean sudo)
            throws TargetException, InterruptedException {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 200;
        String lastHolder = null;
        RemoteCommand take = RemoteCommand.of(LockCommands.acquire(lockPath, token, holder, Math.max(1, lease.toSeconds())), COMMAND_TIMEOUT)
                .sudo(sudo).quiet().changesHost();
        boolean first = true;
        while (true) {
            // Later attempts print nothing of their own: the loop says when the holder changes.
            ExecResult r = attempt(first ? take : take.repeated(), lockPath, token, sudo);
            first = false;
            String owner = describe(r.stdoutText());
            switch (r.exitCode()) {
                case 0 -> {
                    return new Held(lockPath, token, sudo);
                }
                case LockCommands.BROKE_STALE -> {
                    progress.warn("[" + target.name() + "] took over " + lockPath + ": its lease had run out (" + owner + ")");
                    continue;
                }
                case LockCommands.HELD -> {
                    if (!owner.equals(lastHolder)) {
                        progress.info("[" + target.name() + "] waiting for " + lockPath + ", held by " + owner);
                        lastHolder = owner;
                    }
                }
                default -> throw new CommandFailedException("creating lock " + lockPath + " on " + target.name(), r);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LockTimeoutException(lockPath + " on " + target.name() + " is held by " + owner
                        + "; gave up after waiting " + Durations.format(wait) + " (lockTimeout)");
            }
            Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            pause = Math.min(2000, pause * 3 / 2);
        }
    }

    /**
     * One try at taking the lock. When its reply never comes (the connection dropped, the command timed out, the step
     * was aborted), the host may have taken the lock all the same, and with no {@link Held} nothing would release it
     * before its lease ran out: it is let go by our token, over a new connection if need be, before the failure goes on.
     */
    private ExecResult attempt(RemoteCommand take, String lockPath, String token, boolean sudo) throws TargetException, InterruptedException {
        try {
            return target.exec(take);
        } catch (SudoPasswordRequiredException e) {
            throw e; // sudo refused the first program: nothing was taken
        } catch (TargetException | InterruptedException e) {
            letGo(lockPath, token, sudo);
            throw e;
        }
    }

    private void letGo(String lockPath, String token, boolean sudo) {
        try {
            ExecResult r = repeatable(RemoteCommand.of(LockCommands.letGo(lockPath, token), COMMAND_TIMEOUT).sudo(sudo).quiet().changesHost())
                    .result();
            if (!r.succeeded()) {
                throw new CommandFailedException("removing " + lockPath + " on " + target.name(), r);
            }
            if (r.stdoutText().strip().equals(LockCommands.LET_GO)) {
                progress.info("[" + target.name() + "] released " + lockPath + ": the host had taken it for this run before the reply was lost");
            }
        } catch (TargetException e) {
            progress.warn("[" + target.name() + "] could not make sure " + lockPath + " is not left taken: " + e.getMessage()
                    + "; if it is, it stays until its lease runs out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.warn("[" + target.name() + "] interrupted while making sure " + lockPath + " is not left taken; if it is, its lease will free it");
        }
    }

    /** A command's result, and whether it was run a second time over a connection opened again. */
    private record Reply(ExecResult result, boolean repeated) {}

    /**
     * Runs a command that does no harm run twice; when its reply is lost, once more over a new connection if the old one
     * dropped and the target can open one.
     */
    private Reply repeatable(RemoteCommand command) throws TargetException, InterruptedException {
        try {
            return new Reply(target.exec(command), false);
        } catch (SudoPasswordRequiredException e) {
            throw e;
        } catch (TargetException e) {
            if (!target.ensureConnected()) {
                throw e;
            }
            return new Reply(target.exec(command), true);
        }
    }

    /** {@code holder=x\nsince=y\nexpires=...} as "x since y". */
    static String describe(String owner) {
        String holder = null;
        String since = null;
        for (String line : owner.split("\\R")) {
            if (line.startsWith("holder=")) {
                holder = line.substring(7);
            } else if (line.startsWith("since=")) {
                since = line.substring(6);
            }
        }
        if (holder == null) {
            return "an unknown holder (no owner file; remove the lock directory by hand if no deploy is running)";
        }
        return holder + (since == null ? "" : " since " + since);
    }

    /** A lock this step holds. */
    public final class Held implements AutoCloseable {
        private final String path;
        private final String token;
        private final boolean sudo;
        private boolean released;

        private Held(String path, String token, boolean sudo) {
            this.path = path;
            this.token = token;
            this.sudo = sudo;
        }

        public String path() {
            return path;
        }

        /**
         * Releases the lock, once more over a new connection when the reply was lost. Failing to release (the host stays
         * out of reach) is logged, not thrown: the lease lets the next deploy take the lock over, and an exception here
         * would hide the error that got us here.
         */
        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                Reply r = repeatable(RemoteCommand.of(LockCommands.release(path, token), COMMAND_TIMEOUT).sudo(sudo).quiet().changesHost());
                // Gone when asked again: the first release went through and only its reply was lost.
                boolean releasedBefore = r.repeated() && r.result().exitCode() == LockCommands.NO_LOCK;
                if (!r.result().succeeded() && !releasedBefore) {
                    progress.warn("[" + target.name() + "] " + path + " was no longer ours to release (its lease ran out)");
                }
            } catch (TargetException e) {
                progress.warn("[" + target.name() + "] could not release " + path + ": " + e.getMessage()
                        + "; the next deploy takes it over when its lease runs out");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.warn("[" + target.name() + "] interrupted before releasing " + path + "; its lease will free it");
            }
        }
    }
}
