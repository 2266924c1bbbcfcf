package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.sync.ReleaseSwitch;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
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

    /** The checks this adds before the restore's. */
    static List<String> planned(ComposeRollbackSpec spec) {
        return spec.releasesRoot().equals(spec.target().dir()) ? List.of(check(spec)) : List.of(ComposeRun.lockCheck(root(spec)), check(spec));
    }

    /**
     * Switches, then restores; when the switch cannot be made nothing is changed and the rest of {@code planned}
     * (this class's checks, then the restore's) is skipped. The releases folder's own lock (the one syncFiles takes)
     * is held too, so no sync switches current meanwhile.
     */
    void run(Backup backup, ComposeFlavor flavor, List<String> planned) throws InterruptedException {
        boolean ownLock = !spec.releasesRoot().equals(spec.target().dir());
        RemoteLock.Held held = ownLock ? run.on(root(spec)).lock(spec.verify()) : null;
        if (ownLock && held == null) {
            planned.stream().skip(1).forEach(n -> run.skip(n, spec.releasesRoot() + " is locked by another sync or deploy: nothing was changed"));
            return;
        }
        try {
            ReleaseSwitch.Place place = new ReleaseSwitch.Place(spec.target().host(), spec.releasesRoot(), spec.timeouts().command(), Integer.MAX_VALUE);
            if (new ReleaseSwitch(place, run.link, run.checks, run.report, run.sudo()).rollback(spec.release()).status() != Status.PASS) {
                planned.stream().skip(planned(spec).size()).forEach(n -> run.skip(n, "current was not switched: nothing was changed"));
                return;
            }
            new Restore(run, spec.verify(), "").run(backup, flavor, "the release current points to again holds its own files");
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    private static ComposeTarget root(ComposeRollbackSpec spec) {
        ComposeTarget t = spec.target();
        return new ComposeTarget(t.host(), spec.releasesRoot(), t.project(), t.files(), t.composeCommand(), t.backupDir());
    }
}
