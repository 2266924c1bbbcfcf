package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
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
final class ReleaseSwitch {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SyncSpec spec;
    private final Target link;
    private final CheckRunner checks;
    private final ReportBuilder report;
    private final boolean sudo;
    private String current;
    private List<String> names = List.of();
    private String id;
    private String partial;

    ReleaseSwitch(SyncSpec spec, Target link, CheckRunner checks, ReportBuilder report, boolean sudo) {
        this.spec = spec;
        this.link = link;
        this.checks = checks;
        this.report = report;
        this.sudo = sudo;
    }

    /** Reads the releases; the folder {@code current} points to, or null when there is none yet. */
    String currentDir() throws TargetException, InterruptedException {
        ExecResult r = link.exec(RemoteCommand.of(SyncCommands.releases(spec.to()), spec.timeout()).quiet());
        if (!r.succeeded()) {
            throw new CommandFailedException("listing the releases in " + spec.to(), r);
        }
        String[] f = new String(r.stdout(), StandardCharsets.UTF_8).split("\0");
        List<String> found = new ArrayList<>();
        for (int i = 2; i < f.length; i++) {
            if (!f[i].isEmpty()) {
                found.add(f[i]);
            }
        }
        found.sort(null);
        names = found;
        String target = f.length > 1 ? f[1] : "";
        current = target.startsWith("releases/") ? target.substring("releases/".length()) : null;
        return current == null || !names.contains(current) ? null : spec.to() + "/" + target;
    }

    /** Creates the hidden release folder to build in; returns it, or null when that failed (recorded). */
    String prepare(String revision) throws InterruptedException {
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(ID) + (revision == null ? "" : "-" + revision.substring(0, Math.min(8, revision.length())));
        String candidate = base.replace('/', '_');
        for (int n = 2; names.contains(candidate); n++) {
            candidate = base.replace('/', '_') + "-" + n;
        }
        id = candidate;
        partial = "." + id + ".partial";
        var c = checks.run("prepare release " + id, b -> {
            b.expected(current == null ? "a new release folder" : "a copy of release " + current);
            run(SyncCommands.prepareRelease(spec.to(), partial, current != null && names.contains(current), sudo), "creating release " + id);
            return b.actual("releases/" + partial).pass();
        });
        return c.status() == io.jenkins.plugins.deploysteps.engine.report.Status.PASS ? spec.to() + "/releases/" + partial : null;
    }

    /** Names the built release, points current at it, and removes releases beyond keepReleases. */
    void switchTo() throws InterruptedException {
        checks.run("switch current", c -> {
            c.expected("current -> releases/" + id);
            run(SyncCommands.renameRelease(spec.to(), partial, id, sudo), "naming release " + id);
            run(SyncCommands.switchCurrent(spec.to(), id, sudo), "switching current to " + id);
            report.fact("release", id);
            report.fact("previousRelease", current == null ? "(none)" : current);
            List<String> all = new ArrayList<>(names);
            all.add(id);
            all.sort(null);
            List<String> old = all.subList(0, Math.max(0, all.size() - spec.keepReleases()));
            if (!old.isEmpty()) {
                run(SyncCommands.removeReleases(spec.to(), old, sudo), "removing old releases");
            }
            return c.actual("current -> releases/" + id + (current == null ? "" : " (was " + current + ")")
                    + (old.isEmpty() ? "" : "; removed " + String.join(", ", old))).pass();
        });
    }

    /** Removes a release that was not finished. */
    void discard() throws TargetException, InterruptedException {
        if (partial != null) {
            link.exec(RemoteCommand.of(SyncCommands.removeReleases(spec.to(), List.of(partial), sudo), spec.timeout()).quiet().changesHost());
        }
    }

    /** Points current at the release before the one it points to now. */
    void rollback() throws InterruptedException {
        checks.run("rollback " + spec.to(), c -> {
            currentDir();
            int at = current == null ? -1 : names.indexOf(current);
            c.expected("current -> the release before " + (current == null ? "the current one" : current));
            if (at <= 0) {
                return c.actual(names.size() + " release(s)").fail(current == null ? "no current release in " + spec.to()
                        : "no release before " + current + " is left in " + spec.to() + "/releases");
            }
            String previous = names.get(at - 1);
            run(SyncCommands.switchCurrent(spec.to(), previous, sudo), "switching current to " + previous);
            report.fact("release", previous);
            report.fact("previousRelease", current);
            return c.actual("current -> releases/" + previous + " (was " + current + ")").pass();
        });
    }

    private void run(Cmd cmd, String what) throws TargetException, InterruptedException {
        ExecResult r = link.exec(RemoteCommand.of(cmd, spec.timeout()).quiet().changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException(what + " on " + spec.host(), r);
        }
    }
}
