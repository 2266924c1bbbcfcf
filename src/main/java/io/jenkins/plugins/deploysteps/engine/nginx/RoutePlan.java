package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Planned;
import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Read;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out what the site file should hold, as one check with the diff as evidence: the managed location added,
 * updated or removed ({@link SiteEditor}), or, with {@code state: 'restored'}, the copy of the file in the backup the
 * spec names. Nothing on the host changes here; the check passes only with content that can safely be written.
 */
final class RoutePlan {
    /** How many backup ids a refusal lists when the asked one is not there. */
    private static final int SHOWN_BACKUPS = 5;

    private RoutePlan() {}

    /** The check {@link RouteChecks#planCheck}: the change to make to the site file as it was read. */
    static Checked<Planned> plan(Check.Builder c, Read read) throws TargetException, InterruptedException {
        String id = read.s().spec().restoreFrom();
        return id == null ? locationChange(c, read) : fromBackup(c, read, id);
    }

    private static Checked<Planned> locationChange(Check.Builder c, Read read) {
        RouteSession s = read.s();
        RouteTarget route = s.route();
        Route r = s.spec().route();
        c.expected(r == null ? "absent" : "present, proxy_pass " + r.proxyPass());
        SiteChange change;
        try {
            change = SiteEditor.plan(route.site(), read.text(), route.serverName(), route.location(), r);
        } catch (SiteEditor.Problem e) {
            return Checked.without(c.fail(e.getMessage()));
        }
        s.report().fact("serverBlock", change.server());
        record(c, s, change);
        String where = " in " + change.server();
        return Checked.of(c.actual(change.kind().words + where).pass(change.changes() ? change.kind().words + (s.dryRun() ? " (dry run: not written)" : "")
                : "already as asked: nothing changed"), new Planned(s, change, null));
    }

    /**
     * The site file's copy in backup {@code id}, read from the backup folder on the host. An id the backup folder does
     * not have, or a backup without a copy of this file, is refused here, before anything changes.
     */
    private static Checked<Planned> fromBackup(Check.Builder c, Read read, String id) throws TargetException, InterruptedException {
        RouteSession s = read.s();
        String site = s.route().site();
        String folder = s.spec().settings().backupDir();
        c.expected("a copy of " + site + " in backup " + id + " in " + folder);
        List<Backup> all = s.backups().list();
        Optional<Backup> found = all.stream().filter(b -> b.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            List<String> ids = all.stream().map(Backup::id).toList();
            return Checked.without(c.actual(ids.size() + " backups").fail("there is no backup " + id + " in " + folder + (ids.isEmpty() ? " (it holds none)"
                    : "; the newest there: " + String.join(", ", ids.subList(Math.max(0, ids.size() - SHOWN_BACKUPS), ids.size())))));
        }
        Backup b = found.get();
        int index = b.paths().indexOf(site);
        if (index < 0 || !b.entries().get(index).existed()) {
            return Checked.without(c.fail("backup " + id + " holds no copy of " + site + (index < 0 ? " (it holds " + String.join(", ", b.paths()) + ")"
                    : " (the file did not exist when it was made)")));
        }
        // The manifest lists the files in the order they were copied: the n-th is files/n.
        byte[] copy = s.files().read(b.folder() + "/files/" + (index + 1), s.sudo());
        String made = b.note("change").isEmpty() ? "" : "; made before: " + b.note("change");
        String text = read.text();
        // ISO-8859-1 maps every byte to one character: equal texts are equal bytes.
        String restored = new String(copy, StandardCharsets.ISO_8859_1);
        SiteChange change = restored.equals(text) ? new SiteChange(SiteChange.Kind.UNCHANGED, text, text, "the whole file")
                : new SiteChange(SiteChange.Kind.RESTORED, text, restored, "the whole file");
        s.report().fact("restoredFrom", id);
        record(c, s, change);
        return Checked.of(c.actual(copy.length + " bytes, sha256 " + RouteSession.sha256(copy).substring(0, 12) + made).pass(change.changes()
                ? "the site file goes back to backup " + id + (s.dryRun() ? " (dry run: not written)" : "") : "already as asked: nothing changed"),
                new Planned(s, change, null));
    }

    /** The change's kind as a fact, its diff as the check's evidence. */
    private static void record(Check.Builder c, RouteSession s, SiteChange change) {
        s.report().fact("change", change.kind().name().toLowerCase(Locale.ROOT));
        c.evidence("diff", UnifiedDiff.of(s.route().site(), change.before(), change.after()));
    }
}
