package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.sync.ReleaseSwitch;
import java.util.List;

/**
 * composeRollback with {@code release}: points a syncFiles releases layout's {@code current} back (syncFiles' own
 * switch), then brings the backup's images up from that release. The release's files are the earlier version's own,
 * so the backup's copies of them (taken after the newer release was synced) are not written over them.
 */
final class ReleaseRollback {
    private final ComposeRun run;
    private final ComposeRollbackSpec spec;

    ReleaseRollback(ComposeRun run, ComposeRollbackSpec spec) {
        this.run = run;
        this.spec = spec;
    }

    static String check(ComposeRollbackSpec spec) {
        return "rollback " + spec.releasesRoot();
    }

    /**
     * Switches, then restores; when the switch cannot be made nothing is changed and the restore's checks are skipped.
     * The releases folder's own lock (the one syncFiles takes) is held too, so no sync switches current meanwhile.
     * Without a backup each check is SKIP with the reason.
     */
    void run(Outcome<Restore.From> backup) throws InterruptedException {
        String busy = spec.releasesRoot() + " is locked by another sync or deploy: nothing was changed";
        boolean ownLock = !spec.releasesRoot().equals(spec.target().dir());
        try (Locked<Restore.From> locked = ownLock ? Locked.take(run.on(root(spec)), backup, spec.verify(), busy) : Locked.without(backup)) {
            Outcome<Restore.From> switched = Stages.from(locked.value()).then(List.of(check(spec)), this::switchBack).run(run);
            new Restore(run, spec.verify(), "").run(switched, "the release current points to again holds its own files");
        }
    }

    /** Records {@code rollback <releases>}: syncFiles' own switch of current to the release asked for. */
    private Outcome<Restore.From> switchBack(Restore.From from) throws InterruptedException {
        ReleaseSwitch.Place place = new ReleaseSwitch.Place(spec.target().host(), spec.releasesRoot(), spec.timeouts().command(), Integer.MAX_VALUE);
        Check back = new ReleaseSwitch(place, run.link, run.checks, run.report, run.sudo()).rollback(spec.release());
        return back.status() == Status.PASS ? Outcome.of(from) : Outcome.missing("current was not switched: nothing was changed");
    }

    private static ComposeTarget root(ComposeRollbackSpec spec) {
        ComposeTarget t = spec.target();
        return new ComposeTarget(t.host(), spec.releasesRoot(), t.project(), t.files(), t.composeCommand(), t.backupDir());
    }
}
