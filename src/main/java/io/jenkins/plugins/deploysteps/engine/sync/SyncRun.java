package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * One syncFiles run: connect, lock the destination, compare the trees, then stream the changes into a staging
 * folder and move them into place (or, with releases, build the new release beside the current one and switch the
 * link). Everything after the lock is released on every path; a staging folder a lost connection left is removed
 * over a new connection, or by the next sync.
 */
final class SyncRun {
    private static final int LISTED_IN_LOG = 100;

    private final SyncSpec spec;
    private final RunContext ctx;
    private final ReportBuilder report;
    private final CheckRunner checks;
    private final String staging = ".deploy-steps.sync." + UUID.randomUUID().toString().substring(0, 8);
    private HostLink link;
    private boolean sudo;

    SyncRun(SyncSpec spec, RunContext ctx) {
        this.spec = spec;
        this.ctx = ctx;
        this.report = ctx.newReport(SyncFiles.NAME, spec.common().reportName(), spec.host() + ":" + spec.to());
        this.checks = new CheckRunner(ctx, report);
    }

    Report run() throws InterruptedException {
        Target target = Connect.connect(ctx, report, "host", spec.host());
        if (target == null) {
            return report.finish(spec.common().onFailure());
        }
        link = new HostLink(ctx, report, spec.host(), target, spec.dryRun());
        sudo = link.usesSudo();
        RemoteLock.Held held = lock();
        if (held == null) {
            return report.finish(spec.common().onFailure());
        }
        try {
            if (spec.rollback()) {
                new ReleaseSwitch(spec.releases(), link, checks, report, sudo).rollback(ReleaseSwitch.PREVIOUS);
            } else {
                sync();
            }
        } finally {
            if (link.lost()) {
                link.reconnect();
            }
            held.close();
        }
        return report.finish(spec.common().onFailure());
    }

    private RemoteLock.Held lock() throws InterruptedException {
        RemoteLock.Held[] held = new RemoteLock.Held[1];
        checks.run("lock " + spec.to(), c -> {
            c.expected("no other sync or deploy of " + spec.to() + " (waits up to " + Durations.format(spec.lockTimeout()) + ")");
            RemoteLock lock = new RemoteLock(link, ctx.progress());
            try {
                try {
                    held[0] = lock.acquire(spec.lockPath(), ctx.holder(), spec.lockTimeout(), spec.timeout().multipliedBy(4), sudo);
                } catch (CommandFailedException e) {
                    // Most syncs go to a folder that exists; only the first pays for creating it.
                    exec(SyncCommands.makeDir(spec.to(), sudo), true, "creating " + spec.to());
                    held[0] = lock.acquire(spec.lockPath(), ctx.holder(), spec.lockTimeout(), spec.timeout().multipliedBy(4), sudo);
                }
            } catch (LockTimeoutException e) {
                return c.actual("held by someone else").fail(e.getMessage());
            }
            return c.actual("held by " + ctx.holder()).pass(spec.dryRun() ? "dry run: printed, not taken" : null);
        });
        return held[0];
    }

    private void sync() throws InterruptedException {
        Path from = ctx.baseDir().resolve(spec.from()).normalize();
        String revision = spec.revision() != null ? spec.revision() : GitHead.of(from, ctx.baseDir()).orElse(null);
        ReleaseSwitch releases = new ReleaseSwitch(spec.releases(), link, checks, report, sudo);
        SyncPlan[] plan = new SyncPlan[1];
        String[] remoteRevision = new String[1];
        LocalTree[] local = new LocalTree[1];
        Check compared = checks.run("compare " + spec.to(), c -> {
            c.expected("the files of " + spec.from());
            try {
                local[0] = LocalTree.scan(from, spec.rules());
                String base = spec.layout() == SyncSpec.Layout.RELEASES ? releases.currentDir() : spec.to();
                // The workspace's hashes are computed while the host computes its own.
                java.util.concurrent.CompletableFuture<Void> hashing = base == null ? null
                        : java.util.concurrent.CompletableFuture.runAsync(local[0]::hashAll);
                RemoteTree remote = base == null ? RemoteTree.empty() : manifest(base, local[0]);
                if (hashing != null) {
                    hashing.join();
                }
                plan[0] = SyncPlan.of(local[0], remote, spec.rules(), spec.delete());
                remoteRevision[0] = remote.revision();
            } catch (SyncException e) {
                return c.fail(e.getMessage());
            }
            SyncPlan p = plan[0];
            c.actual(p.added() + " to add, " + p.changed() + " to change, " + p.deleted() + " to delete, " + p.unchanged() + " unchanged ("
                    + new ByteSize(p.bytesToSend()).toString() + " to send)");
            c.evidence("changes", changeList(p, Integer.MAX_VALUE));
            return c.pass();
        });
        if (compared.status() != Status.PASS) {
            return;
        }
        SyncPlan p = plan[0];
        facts(p, 0, revision);
        if (spec.dryRun()) {
            ctx.progress().info("[" + spec.host() + "] dry run: " + compared.actual());
            for (String line : changeList(p, LISTED_IN_LOG).split("\n")) {
                if (!line.isEmpty()) {
                    ctx.progress().info("  " + line);
                }
            }
            checks.skip("transfer", "dry run: nothing sent");
            checks.skip(placeCheck(), "dry run: nothing changed");
            return;
        }
        if (p.changesNothing() && spec.layout() == SyncSpec.Layout.PLAIN && (revision == null || revision.equals(remoteRevision[0]))) {
            checks.skip("transfer", "nothing changed: nothing to send");
            checks.skip(placeCheck(), "nothing changed" + (revision == null ? "" : "; REVISION is already " + revision));
            return;
        }
        String dir = spec.to();
        String stagingFromDir = staging;
        if (spec.layout() == SyncSpec.Layout.RELEASES) {
            dir = releases.prepare(revision);
            if (dir == null) {
                return;
            }
            stagingFromDir = "../../" + staging;
        }
        TarStream stream = new TarStream(local[0], p, revision, (files, total, bytes, totalBytes) -> ctx.progress().info("[" + spec.host()
                + "] sent " + files + "/" + total + " files, " + new ByteSize(bytes).toString() + " of " + new ByteSize(totalBytes).toString()));
        Check sent = checks.run("transfer", c -> {
            c.expected(p.send().size() + " entries, " + new ByteSize(p.bytesToSend()).toString());
            ExecResult r = link.exec(RemoteCommand.of(SyncCommands.extract(spec.to(), staging, sudo), spec.timeout()).stdin(stream).changesHost());
            if (stream.failure() != null && !r.succeeded()) {
                return c.error("the transfer stopped: " + stream.failure().getMessage());
            }
            if (!r.succeeded()) {
                return c.fail("unpacking on the host failed: " + r.tail(3));
            }
            c.actual(new ByteSize(stream.bytesSent()).toString() + " sent");
            return c.pass();
        });
        facts(p, stream.bytesSent(), revision);
        if (sent.status() != Status.PASS) {
            cleanUp(releases);
            return;
        }
        String commitDir = dir;
        String stagingRel = stagingFromDir;
        Check placed = checks.run(placeCheck(), c -> {
            c.expected(revision == null ? "files in place" : "files in place, REVISION " + revision);
            exec(SyncCommands.commit(commitDir, stagingRel, sudo), true, "moving the files into place in " + commitDir);
            c.actual(p.moves().size() + " moved, " + p.deletes().size() + " deleted, " + p.modes().size() + " modes set");
            return c.pass();
        });
        if (placed.status() != Status.PASS) {
            cleanUp(releases);
            return;
        }
        if (spec.layout() == SyncSpec.Layout.RELEASES) {
            releases.switchTo();
        }
    }

    private String placeCheck() {
        return spec.layout() == SyncSpec.Layout.RELEASES ? "build release" : "move into place";
    }

    private RemoteTree manifest(String dir, LocalTree local) throws TargetException, InterruptedException, SyncException {
        StringBuilder candidates = new StringBuilder();
        for (Entry e : local.entries()) {
            if (e.kind() == Entry.Kind.FILE) {
                candidates.append(e.path()).append('\0');
            }
        }
        ExecResult r = link.exec(RemoteCommand.of(SyncCommands.manifest(dir, sudo), spec.timeout())
                .stdin(candidates.toString().getBytes(StandardCharsets.UTF_8)).quiet());
        if (!r.succeeded()) {
            throw new CommandFailedException("listing " + dir + " on " + spec.host(), r);
        }
        return RemoteTree.parse(r.stdout());
    }

    /** Removes what a failed sync staged: over a new connection when the old one dropped. */
    private void cleanUp(ReleaseSwitch releases) throws InterruptedException {
        if (link.lost() && !link.reconnect()) {
            ctx.progress().warn("[" + spec.host() + "] could not remove " + spec.to() + "/" + staging + "; the next sync removes it");
            return;
        }
        try {
            link.exec(RemoteCommand.of(SyncCommands.removeStaging(spec.to(), staging, sudo), spec.timeout()).quiet().changesHost());
            releases.discard();
        } catch (TargetException e) {
            ctx.progress().warn("[" + spec.host() + "] could not remove " + spec.to() + "/" + staging + ": " + e.getMessage()
                    + "; the next sync removes it");
        }
    }

    private void exec(Cmd cmd, boolean changes, String what) throws TargetException, InterruptedException {
        RemoteCommand rc = RemoteCommand.of(cmd, spec.timeout()).quiet();
        ExecResult r = link.exec(changes ? rc.changesHost() : rc);
        if (!r.succeeded()) {
            throw new CommandFailedException(what + " on " + spec.host(), r);
        }
    }

    private void facts(SyncPlan p, long bytesSent, String revision) {
        report.fact("filesAdded", p.added());
        report.fact("filesChanged", p.changed());
        report.fact("filesDeleted", p.deleted());
        report.fact("filesUnchanged", p.unchanged());
        report.fact("bytesSent", bytesSent);
        report.fact("revision", revision == null ? "(none)" : revision);
    }

    private static String changeList(SyncPlan p, int max) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (SyncPlan.Change c : p.changes()) {
            if (n++ == max) {
                b.append("... and ").append(p.changes().size() - max).append(" more (the report lists all)\n");
                break;
            }
            b.append(c.action()).append(' ').append(c.path()).append(c.size() > 0 ? " (" + new ByteSize(c.size()).toString() + ")" : "").append('\n');
        }
        return b.toString();
    }
}
