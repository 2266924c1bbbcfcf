package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.UUID;

/**
 * Delivers a compared sync, as its stages: (with releases) prepare the new release, {@code transfer} the changes into
 * a staging folder, move them into place ({@code move into place}, or {@code build release}), and (with releases)
 * switch current. A stage that fails ends the delivery and removes what was staged: over a new connection when the
 * old one dropped, or by the next sync.
 */
final class SyncDelivery {
    private static final String TRANSFER = "transfer";

    private final SyncSession s;
    private final SyncSpec spec;
    private final String staging = ".deploy-steps.sync." + UUID.randomUUID().toString().substring(0, 8);

    SyncDelivery(SyncSession s) {
        this.s = s;
        this.spec = s.spec();
    }

    /** Records the stages that send and place the files as skipped, each for its reason: nothing is delivered. */
    void skip(String whyNotSent, String whyNotPlaced) {
        s.checks().skip(TRANSFER, whyNotSent);
        s.checks().skip(placeCheck(), whyNotPlaced);
    }

    void run(SyncCompare.Compared diff) throws InterruptedException {
        if (spec.layout() == SyncSpec.Layout.PLAIN) {
            deliver(diff, null);
            return;
        }
        Checked<ReleaseSwitch.Release> release = s.releases().prepare(diff.releases(), diff.revision());
        if (release.passed()) {
            deliver(diff, release.value());
        }
    }

    /** @param release the release being built; null without the releases layout */
    private void deliver(SyncCompare.Compared diff, ReleaseSwitch.Release release) throws InterruptedException {
        SyncPlan p = diff.plan();
        String revision = diff.revision();
        TarStream stream = new TarStream(diff, (files, total, bytes, totalBytes) -> s.ctx().progress().info("[" + spec.host()
                + "] sent " + files + "/" + total + " files, " + new ByteSize(bytes).toString() + " of " + new ByteSize(totalBytes).toString()));
        Check sent = s.checks().run(TRANSFER, c -> {
            c.expected(p.send().size() + " entries, " + new ByteSize(p.bytesToSend()).toString());
            ExecResult r = s.link().exec(RemoteCommand.of(SyncCommands.extract(spec.to(), staging, s.host().sudo()), spec.timeout()).stdin(stream).changesHost());
            if (stream.failure() != null && !r.succeeded()) {
                return c.error("the transfer stopped: " + stream.failure().getMessage());
            }
            if (!r.succeeded()) {
                return c.fail("unpacking on the host failed: " + r.tail(3));
            }
            c.actual(new ByteSize(stream.bytesSent()).toString() + " sent");
            return c.pass();
        });
        diff.facts(s.report(), stream.bytesSent());
        if (sent.status() != Status.PASS) {
            cleanUp(release);
            return;
        }
        // A release is built in its own folder two levels below the destination, where the staging folder is.
        String dir = release == null ? spec.to() : s.releases().dir(release);
        String stagingFromDir = release == null ? staging : "../../" + staging;
        Check placed = s.checks().run(placeCheck(), c -> {
            c.expected(revision == null ? "files in place" : "files in place, REVISION " + revision);
            s.host().change(SyncCommands.commit(dir, stagingFromDir, s.host().sudo()), "moving the files into place in " + dir);
            c.actual(p.moves().size() + " moved, " + p.deletes().size() + " deleted, " + p.modes().size() + " modes set");
            return c.pass();
        });
        if (placed.status() != Status.PASS) {
            cleanUp(release);
            return;
        }
        if (release != null) {
            s.releases().switchTo(release);
        }
    }

    private String placeCheck() {
        return spec.layout() == SyncSpec.Layout.RELEASES ? "build release" : "move into place";
    }

    /** Removes what a failed sync staged: over a new connection when the old one dropped. */
    private void cleanUp(ReleaseSwitch.Release release) throws InterruptedException {
        if (s.link().lost() && !s.link().reconnect()) {
            s.ctx().progress().warn("[" + spec.host() + "] could not remove " + spec.to() + "/" + staging + "; the next sync removes it");
            return;
        }
        try {
            s.host().tidy(SyncCommands.removeStaging(spec.to(), staging, s.host().sudo()));
            if (release != null) {
                s.releases().discard(release);
            }
        } catch (TargetException e) {
            s.ctx().progress().warn("[" + spec.host() + "] could not remove " + spec.to() + "/" + staging + ": " + e.getMessage()
                    + "; the next sync removes it");
        }
    }
}
