package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.nginx.RouteVerify;
import io.jenkins.plugins.deploysteps.engine.nginx.SiteSwitch;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Points the nginx sites of a blue-green deploy at the new copy and back, with nginxRoute's machinery
 * ({@link SiteSwitch}): each site file locked (the lock nginxRoute takes) from the first switch until after the
 * switch back, backed up, rewritten in its {@code proxy_pass} lines only, tested, reloaded and probed; the switch
 * back puts the backup in place byte for byte.
 */
final class Switch {
    static final String TO_NEW = "switch nginx to the new copy";
    static final String BACK = "switch nginx back";

    /** A site ready to switch: its switch, its text pointed at the copy, its backup, and what probes it. */
    private record Site(String path, SiteSwitch sw, byte[] after, Backup backup, List<RouteVerify> probes) {}

    private final ComposeRun run;
    private final BlueGreenSettings settings;
    private final List<Site> switched = new ArrayList<>();
    private final List<RemoteLock.Held> locks = new ArrayList<>();
    private boolean dryRunBackRecorded;
    /** When nginx last moved, from the copy or to it ({@link System#nanoTime}); empty until it did. */
    private OptionalLong movedAt = OptionalLong.empty();

    private final java.time.Duration lease;

    /** @param lease how long the site locks outlive a deploy that lost its connection: the longest the deploy could hold them */
    Switch(ComposeRun run, BlueGreenSettings settings, java.time.Duration lease) {
        this.run = run;
        this.settings = settings;
        this.lease = lease;
    }

    private Map<String, List<RoutedService>> bySite() {
        Map<String, List<RoutedService>> out = new LinkedHashMap<>();
        settings.routes().forEach(r -> out.computeIfAbsent(r.site(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private String name(String base, String site) {
        return bySite().size() == 1 ? base : base + " (" + site + ")";
    }

    /**
     * Switches every site; when one cannot be switched, those already switched go back. True when all point at the copy.
     *
     * @param ports per routed service: its published port and the copy's temporary port
     */
    boolean toNew(Map<String, int[]> ports) throws InterruptedException {
        long started = System.nanoTime();
        for (Map.Entry<String, List<RoutedService>> e : bySite().entrySet()) {
            String site = e.getKey();
            if (run.dryRun) {
                run.skip(name(TO_NEW, site), "dry run: would point " + site + " at " + describe(e.getValue(), ports) + ", test, reload and probe");
                continue;
            }
            Site s = switchOne(site, e.getValue(), ports);
            if (s == null) {
                back();
                return false;
            }
            switched.add(s);
            moved(s.sw(), started);
        }
        return true;
    }

    /** Notes a reload of {@code sw}'s site, when it had one since {@code started} ({@link System#nanoTime}). */
    private void moved(SiteSwitch sw, long started) {
        sw.reloadedAt().stream().filter(at -> at - started >= 0)
                .forEach(at -> movedAt = OptionalLong.of(movedAt.isPresent() ? Math.max(at, movedAt.getAsLong()) : at));
    }

    /** Where a drain of the side nginx moved away from counts from: when it last moved (its reload returned), else now. */
    long drainFrom() {
        return movedAt.orElse(System.nanoTime());
    }

    private Site switchOne(String site, List<RoutedService> routes, Map<String, int[]> ports) throws InterruptedException {
        Checked<Site> prepared = run.produce("prepare " + site, c -> prepare(c, site, routes, ports));
        if (!prepared.passed()) {
            return null;
        }
        Site s = prepared.value();
        return s.sw().apply(name(TO_NEW, site), s.after(), s.backup(), s.probes()) ? s : null;
    }

    /** Locks the site (released by {@link #release}, whatever happens next), reads it, backs it up and rewrites its proxy_pass lines. */
    private Checked<Site> prepare(Check.Builder c, String site, List<RoutedService> routes, Map<String, int[]> ports)
            throws TargetException, InterruptedException {
        c.expected("locked, backed up, proxy_pass to " + describe(routes, ports));
        SiteSwitch sw = new SiteSwitch(run.link, run, site, settings.nginxTest(), settings.nginxReload(), settings.nginxBackupDir(),
                run.timeouts.command());
        try {
            locks.add(new RemoteLock(run.link, run.ctx.progress()).acquire(SiteSwitch.lockPath(site), run.ctx.holder(), run.timeouts.lockWait(),
                    lease, run.sudo()));
        } catch (LockTimeoutException ex) {
            return Checked.without(c.fail(ex.getMessage()));
        }
        String text = new String(sw.read(), StandardCharsets.ISO_8859_1);
        String changed = text;
        for (RoutedService r : routes) {
            int[] p = ports.get(r.service());
            String next = SiteSwitch.replaceUpstream(changed, r.location(), p[0], p[1]);
            if (next.equals(changed)) {
                return Checked.without(c.fail(site + " has no proxy_pass to port " + p[0]
                        + (r.location() == null ? "" : " in location " + r.location()) + " (" + r.service() + "'s published port): nothing to switch"));
            }
            changed = next;
        }
        Backup backup = sw.backup("blue-green switch of " + String.join(", ", routes.stream().map(RoutedService::service).toList())).orElse(null);
        run.report.fact("nginxBackups", site, backup == null ? "none" : backup.id());
        List<RouteVerify> probes = routes.stream().map(RoutedService::verify).filter(v -> v != null).toList();
        return Checked.of(c.actual("sha256 " + SiteSwitch.sha256(text.getBytes(StandardCharsets.ISO_8859_1)).substring(0, 12) + ", backup "
                + (backup == null ? "none" : backup.id())).pass(), new Site(site, sw, changed.getBytes(StandardCharsets.ISO_8859_1), backup, probes));
    }

    /** Every switched site back to its backup, byte for byte; true when all are back and answer. */
    boolean back() throws InterruptedException {
        boolean all = true;
        if (run.dryRun && switched.isEmpty() && !dryRunBackRecorded) {
            dryRunBackRecorded = true;
            bySite().keySet().forEach(site -> run.skip(name(BACK, site), "dry run: nginx was not switched"));
            return true;
        }
        long started = System.nanoTime();
        movedAt = OptionalLong.empty(); // from here on, what counts is that nginx moved away from the copy
        for (Site s : switched) {
            boolean back = s.sw().restore(name(BACK, s.path()), s.backup(), true, s.probes());
            if (!back && run.link.lost()) {
                // the connection dropped while the site went back (the file restored, the reload cut off, say): once
                // more over a new connection, so nginx never stays pointed at a copy that is about to be removed
                back = s.sw().restore(name(BACK, s.path()) + " (after reconnecting)", s.backup(), true, s.probes());
            }
            all &= back;
            moved(s.sw(), started);
        }
        switched.clear();
        return all;
    }

    /** Releases the site locks, over a new connection when the old one dropped (else they would stay until their lease ends). */
    void release() throws InterruptedException {
        if (!locks.isEmpty()) {
            run.link.ensureConnected();
        }
        locks.forEach(RemoteLock.Held::close);
        locks.clear();
    }

    private static String describe(List<RoutedService> routes, Map<String, int[]> ports) {
        return String.join(", ", routes.stream().map(r -> r.service() + " (port " + ports.get(r.service())[0] + " → " + ports.get(r.service())[1]
                + ")").toList());
    }
}
