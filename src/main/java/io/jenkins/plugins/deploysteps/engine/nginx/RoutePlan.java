package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out what the site file should hold, as one check with the diff as evidence: the managed location added,
 * updated or removed ({@link SiteEditor}), or, with {@code state: 'restored'}, the copy of the file in the backup the
 * spec names. Nothing on the host changes here; null when there is nothing that can safely be written.
 */
final class RoutePlan {
    /** How many backup ids a refusal lists when the asked one is not there. */
    private static final int SHOWN_BACKUPS = 5;

    private final RouteSession s;

    RoutePlan(RouteSession s) {
        this.s = s;
    }

    SiteChange plan(byte[] current) throws InterruptedException {
        String text = new String(current, StandardCharsets.ISO_8859_1);
        return s.spec.restoreFrom() == null ? locationChange(text) : fromBackup(current, text, s.spec.restoreFrom());
    }

    private SiteChange locationChange(String text) throws InterruptedException {
        RouteTarget route = s.route;
        SiteChange[] out = new SiteChange[1];
        s.checks.run(RouteChecks.locationCheck(route), c -> {
            Route r = s.spec.route();
            c.expected(r == null ? "absent" : "present, proxy_pass " + r.proxyPass());
            SiteChange change;
            try {
                change = SiteEditor.plan(route.site(), text, route.serverName(), route.location(), r);
            } catch (SiteEditor.Problem e) {
                return c.fail(e.getMessage());
            }
            out[0] = change;
            s.report.fact("serverBlock", change.server());
            record(c, change);
            String where = " in " + change.server();
            return c.actual(change.kind().words + where).pass(change.changes() ? change.kind().words + (s.dryRun ? " (dry run: not written)" : "")
                    : "already as asked: nothing changed");
        });
        return out[0];
    }

    /**
     * The site file's copy in backup {@code id}, read from the backup folder on the host. An id the backup folder does
     * not have, or a backup without a copy of this file, is refused here, before anything changes.
     */
    private SiteChange fromBackup(byte[] current, String text, String id) throws InterruptedException {
        String site = s.route.site();
        String folder = s.spec.settings().backupDir();
        SiteChange[] out = new SiteChange[1];
        s.checks.run(RouteChecks.sourceCheck(id), c -> {
            c.expected("a copy of " + site + " in backup " + id + " in " + folder);
            List<Backup> all = s.backups().list();
            Optional<Backup> found = all.stream().filter(b -> b.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                List<String> ids = all.stream().map(Backup::id).toList();
                return c.actual(ids.size() + " backups").fail("there is no backup " + id + " in " + folder + (ids.isEmpty() ? " (it holds none)"
                        : "; the newest there: " + String.join(", ", ids.subList(Math.max(0, ids.size() - SHOWN_BACKUPS), ids.size()))));
            }
            Backup b = found.get();
            int index = b.paths().indexOf(site);
            if (index < 0 || !b.entries().get(index).existed()) {
                return c.fail("backup " + id + " holds no copy of " + site + (index < 0 ? " (it holds " + String.join(", ", b.paths()) + ")"
                        : " (the file did not exist when it was made)"));
            }
            // The manifest lists the files in the order they were copied: the n-th is files/n.
            byte[] copy = s.files().read(b.folder() + "/files/" + (index + 1), s.sudo);
            String made = b.note("change").isEmpty() ? "" : "; made before: " + b.note("change");
            SiteChange change = Arrays.equals(copy, current) ? new SiteChange(SiteChange.Kind.UNCHANGED, text, text, "the whole file")
                    : new SiteChange(SiteChange.Kind.RESTORED, text, new String(copy, StandardCharsets.ISO_8859_1), "the whole file");
            out[0] = change;
            s.report.fact("restoredFrom", id);
            record(c, change);
            return c.actual(copy.length + " bytes, sha256 " + RouteSession.sha256(copy).substring(0, 12) + made).pass(change.changes()
                    ? "the site file goes back to backup " + id + (s.dryRun ? " (dry run: not written)" : "") : "already as asked: nothing changed");
        });
        return out[0];
    }

    /** The change's kind as a fact, its diff as the check's evidence. */
    private void record(Check.Builder c, SiteChange change) {
        s.report.fact("change", change.kind().name().toLowerCase(Locale.ROOT));
        c.evidence("diff", UnifiedDiff.of(s.route.site(), change.before(), change.after()));
    }
}
