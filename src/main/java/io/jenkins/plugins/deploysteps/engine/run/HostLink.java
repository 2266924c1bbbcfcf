package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.ssh.ConnectionLostException;
import io.jenkins.plugins.deploysteps.engine.target.DryRunTarget;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.ForwardingTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;

/**
 * A step's way to its host: the SSH session (behind a {@link DryRunTarget} in a dry run) that notices when
 * the connection drops and can open a new one, so a step that lost its connection half way can still undo what it
 * began and release its lock. Everything holding this link (the lock, the backups) uses the new session at once.
 */
public final class HostLink extends ForwardingTarget {
    private static final Duration ALIVE_TIMEOUT = Duration.ofSeconds(15);

    private final RunContext ctx;
    private final ReportBuilder report;
    private final String host;
    private final boolean dryRun;
    // Volatile: name() and the like read it without waiting for a running command, which holds the lock.
    private volatile Target current;
    private boolean lost;

    public HostLink(RunContext ctx, ReportBuilder report, String host, Target connected, boolean dryRun) {
        this.ctx = ctx;
        this.report = report;
        this.host = host;
        this.dryRun = dryRun;
        this.current = wrap(connected);
    }

    @Override
    protected Target delegate() {
        return current;
    }

    private Target wrap(Target t) {
        return dryRun ? new DryRunTarget(t, ctx.progress()) : t;
    }

    @Override
    public synchronized ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
        try {
            return current.exec(command);
        } catch (ConnectionLostException e) {
            lost = true;
            throw e;
        }
    }

    public synchronized boolean lost() {
        return lost;
    }

    /**
     * True when the host answers on this link, connecting again when it does not. A connection that dropped while the
     * step waited on something else (an HTTP probe) is noticed only here, by one cheap command, before an undo needs it.
     */
    @Override
    public synchronized boolean ensureConnected() throws InterruptedException {
        if (!lost) {
            try {
                current.exec(RemoteCommand.of(Cmd.of("true"), ALIVE_TIMEOUT).quiet());
                return true;
            } catch (ConnectionLostException e) {
                lost = true;
            } catch (TargetException e) {
                // Anything but a lost connection means the host answered.
                return true;
            }
        }
        return reconnect();
    }

    /** Connects again (recorded as {@code reconnect to <host>}); false when the host stays out of reach. */
    public synchronized boolean reconnect() throws InterruptedException {
        Target fresh = Connect.reconnect(ctx, report, "host", host);
        if (fresh == null) {
            return false;
        }
        current = wrap(fresh);
        lost = false;
        return true;
    }

    /** The step's sessions are closed by {@link Targets}, not here. */
    @Override
    public void close() {}
}
