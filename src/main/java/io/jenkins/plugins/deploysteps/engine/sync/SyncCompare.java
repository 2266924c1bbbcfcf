package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The check {@code compare <to>}: the workspace's tree against the host's (the folder itself, or the release current
 * points to), and from the two the plan of what to send, move, delete and chmod.
 */
final class SyncCompare {
    /**
     * What the comparison found.
     *
     * @param revision what this sync writes to REVISION; null: none
     * @param remoteRevision what the host's REVISION says; null when it has none
     * @param releases the releases on the host, with the releases layout; null without
     */
    record Compared(LocalTree local, SyncPlan plan, String revision, String remoteRevision, ReleaseSwitch.Found releases) {
        /** True when a plain folder already holds these files and this REVISION: nothing to send, nothing to move. */
        boolean changesNothing() {
            return plan.changesNothing() && releases == null && (revision == null || revision.equals(remoteRevision));
        }

        /** The plan's counts, the bytes sent so far and the revision, as the report's facts. */
        void facts(ReportBuilder report, long bytesSent) {
            report.fact("filesAdded", plan.added());
            report.fact("filesChanged", plan.changed());
            report.fact("filesDeleted", plan.deleted());
            report.fact("filesUnchanged", plan.unchanged());
            report.fact("bytesSent", bytesSent);
            report.fact("revision", revision == null ? "(none)" : revision);
        }
    }

    private final SyncSpec spec;
    private final SyncHost host;
    private final ReleaseSwitch releases;

    SyncCompare(SyncSession s) {
        this.spec = s.spec();
        this.host = s.host();
        this.releases = s.releases();
    }

    /** @param revision what the sync writes to REVISION; null: none */
    Checked<Compared> compare(Check.Builder c, Path from, String revision) throws TargetException, InterruptedException {
        c.expected("the files of " + spec.from());
        Compared found;
        try {
            LocalTree local = LocalTree.scan(from, spec.rules());
            ReleaseSwitch.Found layout = spec.layout() == SyncSpec.Layout.RELEASES ? releases.read() : null;
            String base = layout == null ? spec.to() : releases.currentDir(layout);
            // The workspace's hashes are computed while the host computes its own.
            CompletableFuture<Void> hashing = base == null ? null : CompletableFuture.runAsync(local::hashAll);
            RemoteTree remote = base == null ? RemoteTree.empty() : manifest(base, local);
            if (hashing != null) {
                hashing.join();
            }
            found = new Compared(local, SyncPlan.of(local, remote, spec.rules(), spec.delete()), revision, remote.revision(), layout);
        } catch (SyncException e) {
            return Checked.without(c.fail(e.getMessage()));
        }
        SyncPlan p = found.plan();
        c.actual(p.added() + " to add, " + p.changed() + " to change, " + p.deleted() + " to delete, " + p.unchanged() + " unchanged ("
                + new ByteSize(p.bytesToSend()).toString() + " to send)");
        c.evidence("changes", changeList(p, Integer.MAX_VALUE));
        return Checked.of(c.pass(), found);
    }

    private RemoteTree manifest(String dir, LocalTree local) throws TargetException, InterruptedException, SyncException {
        StringBuilder candidates = new StringBuilder();
        for (Entry e : local.entries()) {
            if (e.kind() == Entry.Kind.FILE) {
                candidates.append(e.path()).append('\0');
            }
        }
        ExecResult r = host.read(SyncCommands.manifest(dir, host.sudo()), candidates.toString().getBytes(StandardCharsets.UTF_8));
        if (!r.succeeded()) {
            throw new CommandFailedException("listing " + dir + " on " + spec.host(), r);
        }
        return RemoteTree.parse(r.stdout());
    }

    /** The plan's changes, one a line, at most {@code max} of them. */
    static String changeList(SyncPlan p, int max) {
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
