package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import java.time.Duration;

/**
 * A dry run's view of a host: commands that only look run for real (preflight checks, reading files),
 * commands that would change the host are printed instead and "succeed" with no output. Steps mark those
 * with {@link RemoteCommand#changesHost()}; nothing else decides what a dry run may touch.
 */
public final class DryRunTarget extends ForwardingTarget {
    private static final byte[] NOTHING = new byte[0];

    private final Target real;
    private final Progress progress;
    private int skipped;

    public DryRunTarget(Target real, Progress progress) {
        this.real = real;
        this.progress = progress;
    }

    @Override
    protected Target delegate() {
        return real;
    }

    @Override
    public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
        if (!command.isChangesHost()) {
            return real.exec(command);
        }
        synchronized (this) {
            skipped++;
        }
        // Showing the changes is what a dry run is for: the whole command follows its one-line summary.
        progress.info("[" + name() + "] (dry run, not run) " + command.summary());
        progress.script(name(), command.line());
        return new ExecResult(0, NOTHING, NOTHING, Duration.ZERO);
    }

    /** How many commands that would have changed the host were printed instead. */
    public synchronized int skipped() {
        return skipped;
    }
}
