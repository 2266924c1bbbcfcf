package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.file.Path;

/**
 * One syncFiles run, as its stages: connect, lock the destination, compare the trees ({@link SyncCompare}), then
 * deliver the changes ({@link SyncDelivery}: stream them into a staging folder and move them into place, or, with
 * releases, build the new release beside the current one and switch the link). A dry run, or a sync with nothing to
 * change, records the delivery's stages as skipped. A stage that fails ends the run; the lock is released on every
 * path.
 */
final class SyncRun {
    private static final int LISTED_IN_LOG = 100;

    private final SyncSpec spec;
    private final RunContext ctx;
    private final ReportBuilder report;
    private final CheckRunner checks;

    SyncRun(SyncSpec spec, RunContext ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.report = ctx.newReport(SyncFiles.NAME, spec.common().reportName(), spec.host() + ":" + spec.to());
        this.checks = new CheckRunner(ctx, report);
    }

    Report run() throws InterruptedException {
        Target target = Connect.connect(ctx, report, "host", spec.host());
        if (target != null) {
            locked(new HostLink(ctx, report, spec.host(), target, spec.dryRun()));
        }
        return report.finish(spec.common().onFailure());
    }

    /** Under the destination's lock: the rollback, or the sync. */
    private void locked(HostLink link) throws InterruptedException {
        SyncHost host = new SyncHost(link, spec.host(), spec.timeout(), link.usesSudo());
        Checked<RemoteLock.Held> lock = checks.produce("lock " + spec.to(), c -> lock(c, host));
        if (!lock.passed()) {
            return;
        }
        try {
            ReleaseSwitch releases = new ReleaseSwitch(spec.releases(), link, checks, report, host.sudo());
            if (spec.rollback()) {
                releases.rollback(ReleaseSwitch.PREVIOUS);
            } else {
                sync(new SyncSession(spec, ctx, report, checks, link, host, releases));
            }
        } finally {
            if (link.lost()) {
                link.reconnect();
            }
            lock.value().close();
        }
    }

    private Checked<RemoteLock.Held> lock(Check.Builder c, SyncHost host) throws TargetException, InterruptedException {
        c.expected("no other sync or deploy of " + spec.to() + " (waits up to " + Durations.format(spec.lockTimeout()) + ")");
        RemoteLock lock = new RemoteLock(host.link(), ctx.progress());
        RemoteLock.Held held;
        try {
            try {
                held = lock.acquire(spec.lockPath(), ctx.holder(), spec.lockTimeout(), spec.timeout().multipliedBy(4), host.sudo());
            } catch (CommandFailedException e) {
                // Most syncs go to a folder that exists; only the first pays for creating it.
                host.change(SyncCommands.makeDir(spec.to(), host.sudo()), "creating " + spec.to());
                held = lock.acquire(spec.lockPath(), ctx.holder(), spec.lockTimeout(), spec.timeout().multipliedBy(4), host.sudo());
            }
        } catch (LockTimeoutException e) {
            return Checked.without(c.actual("held by someone else").fail(e.getMessage()));
        }
        return Checked.of(c.actual("held by " + ctx.holder()).pass(spec.dryRun() ? "dry run: printed, not taken" : null), held);
    }

    private void sync(SyncSession s) throws InterruptedException {
        Path from = ctx.baseDir().resolve(spec.from()).normalize();
        String revision = spec.revision() != null ? spec.revision() : GitHead.of(from, ctx.baseDir()).orElse(null);
        Checked<SyncCompare.Compared> compared = checks.produce("compare " + spec.to(), c -> new SyncCompare(s).compare(c, from, revision));
        if (!compared.passed()) {
            return;
        }
        SyncCompare.Compared diff = compared.value();
        SyncPlan p = diff.plan();
        diff.facts(report, 0);
        SyncDelivery delivery = new SyncDelivery(s);
        if (spec.dryRun()) {
            ctx.progress().info("[" + spec.host() + "] dry run: " + compared.check().actual());
            for (String line : SyncCompare.changeList(p, LISTED_IN_LOG).split("\n")) {
                if (!line.isEmpty()) {
                    ctx.progress().info("  " + line);
                }
            }
            delivery.skip("dry run: nothing sent", "dry run: nothing changed");
        } else if (diff.changesNothing()) {
            delivery.skip("nothing changed: nothing to send", "nothing changed" + (revision == null ? "" : "; REVISION is already " + revision));
        } else {
            delivery.run(diff);
        }
    }
}
