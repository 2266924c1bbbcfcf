package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.ssh.ConnectionLostException;
import io.jenkins.plugins.deploysteps.engine.target.DryRunTarget;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;

/**
 * The step's way to its host: the SSH session (behind a {@link DryRunTarget} in a dry run) that notices when
 * the connection drops and can open a new one, so a deploy that lost its connection half way can still roll
 * back and release its lock. Everything holding this link (the lock, the backups) uses the new session at once.
 */
final class HostLink implements Target {
    private final RunContext ctx;
    private final ReportBuilder report;
    private final String host;
    private final boolean dryRun;
    private Target current;
    private boolean lost;

    HostLink(RunContext ctx, ReportBuilder report, String host, Target connected, boolean dryRun) {
        this.ctx = ctx;
        this.report = report;
        this.host = host;
        this.dryRun = dryRun;
        this.current = wrap(connected);
    }

    private Target wrap(Target t) {
        return dryRun ? new DryRunTarget(t, ctx.progress()) : t;
    }

    @Override
    public String name() {
        return current.name();
    }

    @Override
    public String address() {
        return current.address();
    }

    @Override
    public boolean usesSudo() {
        return current.usesSudo();
    }

    @Override
    public String defaultFor(String key) {
        return current.defaultFor(key);
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

    synchronized boolean lost() {
        return lost;
    }

    /** Connects again (recorded as {@code reconnect to <host>}); false when the host stays out of reach. */
    synchronized boolean reconnect() throws InterruptedException {
        Target fresh = Connect.reconnect(ctx, report, "host", host);
        if (fresh == null) {
            return false;
        }
        current = wrap(fresh);
        lost = false;
        return true;
    }

    /** The step's sessions are closed by {@link io.jenkins.plugins.deploysteps.engine.run.Targets}, not here. */
    @Override
    public void close() {}
}
