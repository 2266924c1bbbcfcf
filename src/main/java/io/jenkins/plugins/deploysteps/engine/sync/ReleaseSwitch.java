package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The releases layout: {@code to/releases/<id>/} folders and a {@code to/current} link. A new release starts as a
 * host-side copy of the current one (so only changes travel), is built under a hidden name, renamed, and then
 * {@code current} is switched in one rename. Old releases beyond keepReleases go; rollback points {@code current}
 * at the release before it.
 */
public final class ReleaseSwitch {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** What {@link #rollback(String)} takes to mean the release before the current one. */
    public static final String PREVIOUS = "previous";
    /** A release folder's name as {@link #prepare} makes it: never hidden, never a path. */
    public static final java.util.regex.Pattern RELEASE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,200}");

    /**
     * Where a releases layout lives.
     *
     * @param to the folder holding {@code releases/} and {@code current}
     * @param timeout of each remote command
     * @param keepReleases how many releases a switch to a new one keeps
     */
    public record Place(String host, String to, java.time.Duration timeout, int keepReleases) {}

    /**
     * The releases on the host as they were read.
     *
     * @param names the release folders, oldest first
     * @param current the release {@code current} points to; null when there is no such link
     */
    record Found(List<String> names, String current) {
        Found {
            names = List.copyOf(names);
        }

        boolean hasCurrent() {
            return current != null && names.contains(current);
        }
    }

    /** A release being built: under its hidden name until {@link #switchTo} names it {@code id}. */
    record Release(Found before, String id) {
        String partial() {
            return "." + id + ".partial";
        }
    }

    private final Place spec;
    private final SyncHost host;
    private final CheckRunner checks;
    private final ReportBuilder report;

    public ReleaseSwitch(Place spec, Target link, CheckRunner checks, ReportBuilder report, boolean sudo) {
        this.spec = spec;
        this.host = new SyncHost(link, spec.host(), spec.timeout(), sudo);
        this.checks = checks;
        this.report = report;
    }

    /** Reads the releases and where current points. */
    Found read() throws TargetException, InterruptedException {
        ExecResult r = host.read(SyncCommands.releases(spec.to()), null);
        if (!r.succeeded()) {
            throw new CommandFailedException("listing the releases in " + spec.to(), r);
        }
        String[] f = new String(r.stdout(), StandardCharsets.UTF_8).split("\0");
        List<String> names = new ArrayList<>();
        for (int i = 2; i < f.length; i++) {
            if (!f[i].isEmpty()) {
                names.add(f[i]);
            }
        }
        names.sort(null);
        String target = f.length > 1 ? f[1] : "";
        return new Found(names, target.startsWith("releases/") ? target.substring("releases/".length()) : null);
    }

    /** The folder current points to, or null when there is none yet. */
    String currentDir(Found found) {
        return found.hasCurrent() ? spec.to() + "/releases/" + found.current() : null;
    }

    /** Creates the hidden release folder to build in (a copy of the current release, when there is one); the release with its check. */
    Checked<Release> prepare(Found found, String revision) throws InterruptedException {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID) + (revision == null ? "" : "-" + revision.substring(0, Math.min(8, revision.length())));
        String candidate = base.replace('/', '_');
        for (int n = 2; found.names().contains(candidate); n++) {
            candidate = base.replace('/', '_') + "-" + n;
        }
        Release release = new Release(found, candidate);
        return checks.produce("prepare release " + release.id(), b -> {
            b.expected(found.current() == null ? "a new release folder" : "a copy of release " + found.current());
            host.change(SyncCommands.prepareRelease(spec.to(), release.partial(), found.hasCurrent(), host.sudo()), "creating release " + release.id());
            return Checked.of(b.actual("releases/" + release.partial()).pass(), release);
        });
    }

    /** Where a release is built. */
    String dir(Release release) {
        return spec.to() + "/releases/" + release.partial();
    }

    /** Names the built release, points current at it, and removes releases beyond keepReleases. */
    void switchTo(Release release) throws InterruptedException {
        String id = release.id();
        String current = release.before().current();
        checks.run("switch current", c -> {
            c.expected("current -> releases/" + id);
            host.change(SyncCommands.renameRelease(spec.to(), release.partial(), id, host.sudo()), "naming release " + id);
            host.change(SyncCommands.switchCurrent(spec.to(), id, host.sudo()), "switching current to " + id);
            report.fact("release", id);
            report.fact("previousRelease", current == null ? "(none)" : current);
            List<String> all = new ArrayList<>(release.before().names());
            all.add(id);
            all.sort(null);
            List<String> old = all.subList(0, Math.max(0, all.size() - spec.keepReleases()));
            if (!old.isEmpty()) {
                host.change(SyncCommands.removeReleases(spec.to(), old, host.sudo()), "removing old releases");
            }
            return c.actual("current -> releases/" + id + (current == null ? "" : " (was " + current + ")")
                    + (old.isEmpty() ? "" : "; removed " + String.join(", ", old))).pass();
        });
    }

    /** Removes a release that was not finished. */
    void discard(Release release) throws TargetException, InterruptedException {
        host.tidy(SyncCommands.removeReleases(spec.to(), List.of(release.partial()), host.sudo()));
    }

    /**
     * Points current at {@code release}: {@link #PREVIOUS} (the release before the one current points to) or a
     * release id. Reads the layout first and changes nothing when it is not there or holds no such release.
     */
    public Check rollback(String release) throws InterruptedException {
        return checks.run("rollback " + spec.to(), c -> {
            Found found = read();
            List<String> names = found.names();
            String current = found.current();
            int at = current == null ? -1 : names.indexOf(current);
            boolean previous = release.equals(PREVIOUS);
            c.expected("current -> " + (previous ? "the release before " + (current == null ? "the current one" : current) : "releases/" + release));
            if (at < 0) {
                return c.actual(names.size() + " release(s)").fail("no releases layout in " + spec.to() + " on " + spec.host()
                        + " (no current link into " + spec.to() + "/releases): nothing to switch back");
            }
            if (previous ? at == 0 : !names.contains(release)) {
                return c.actual(String.join(", ", names)).fail(previous ? "no release before " + current + " is left in " + spec.to() + "/releases"
                        : "no release " + release + " in " + spec.to() + "/releases; there are " + String.join(", ", names));
            }
            String to = previous ? names.get(at - 1) : release;
            host.change(SyncCommands.switchCurrent(spec.to(), to, host.sudo()), "switching current to " + to);
            report.fact("release", to);
            report.fact("previousRelease", current);
            return c.actual("current -> releases/" + to + " (was " + current + ")").pass();
        });
    }
}
