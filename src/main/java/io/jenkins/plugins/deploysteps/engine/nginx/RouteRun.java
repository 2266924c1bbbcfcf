package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One run of nginxRoute on its host, after connecting: which commands, lock the site file, read it, plan the change,
 * back up, write, test, reload, probe; and when the test, the reload or the probe fails, restore the backup byte for
 * byte, test and reload again. When the connection drops after the write, the run connects again to restore, so a
 * file nginx has not vetted is never left for the next reload to pick up. Every command goes through sudo when the
 * host's configuration says so. In a dry run (the link wraps a
 * {@link io.jenkins.plugins.deploysteps.engine.target.DryRunTarget}) the lock, backup and write are printed, and the
 * test runs against the candidate in a private mount namespace.
 */
final class RouteRun {
    static final String COMMANDS = "nginx commands";
    static final String BACKUP = "backup";
    static final String TEST = "nginx -t";
    static final String RELOAD = "reload";
    static final String RESTORE_PREFIX = "restore: ";

    private final RunContext ctx;
    private final ReportBuilder report;
    private final CheckRunner checks;
    private final HostLink link;
    private final NginxRouteSpec spec;
    private final RouteTarget route;
    private final boolean sudo;
    private final boolean dryRun;

    /** The test and reload commands as words, and where they came from. */
    private record Commands(List<String> test, List<String> reload) {}

    RouteRun(RunContext ctx, ReportBuilder report, HostLink link, NginxRouteSpec spec) {
        this.ctx = ctx;
        this.report = report;
        this.checks = new CheckRunner(ctx, report);
        this.link = link;
        this.spec = spec;
        this.route = spec.target();
        this.sudo = link.usesSudo();
        this.dryRun = spec.settings().dryRun();
    }

    static String lockCheck(RouteTarget t) {
        return "lock " + t.site();
    }

    static String readCheck(RouteTarget t) {
        return "read " + t.site();
    }

    static String locationCheck(RouteTarget t) {
        return "location " + t.location();
    }

    static String writeCheck(RouteTarget t) {
        return "write " + t.site();
    }

    static String probeCheck(RouteVerify v) {
        return "probe " + v.url();
    }

    /** Every check a run records when nothing fails, in order. */
    static List<String> planned(NginxRouteSpec spec) {
        List<String> names = new ArrayList<>(List.of(COMMANDS, lockCheck(spec.target()), readCheck(spec.target()), locationCheck(spec.target()), BACKUP,
                writeCheck(spec.target()), TEST, RELOAD));
        if (spec.verify() != null) {
            names.add(probeCheck(spec.verify()));
        }
        return names;
    }

    private void skipFrom(String first, String why) {
        List<String> all = planned(spec);
        all.subList(all.indexOf(first), all.size()).forEach(n -> checks.skip(n, why));
    }

    void run() throws InterruptedException {
        Commands commands = commands();
        if (commands == null) {
            skipFrom(lockCheck(route), "no usable nginx commands: nothing was changed");
            return;
        }
        RemoteLock.Held held = lock();
        if (held == null) {
            skipFrom(readCheck(route), "the site file is locked by another run: nothing was changed");
            return;
        }
        try {
            afterLock(commands);
        } finally {
            held.close();
        }
    }

    private Commands commands() throws InterruptedException {
        Commands[] out = new Commands[1];
        checks.run(COMMANDS, c -> {
            c.expected("a test and a reload command of plain words");
            List<String> test = words(spec.settings().testCommand(), HostStepDefaults::nginxTestCommand, NginxCommands.DEFAULT_TEST);
            List<String> reload = words(spec.settings().reloadCommand(), HostStepDefaults::nginxReloadCommand, NginxCommands.DEFAULT_RELOAD);
            out[0] = new Commands(test, reload);
            return c.actual("test: " + String.join(" ", test) + "; reload: " + String.join(" ", reload) + (sudo ? " (through sudo -n)" : ""))
                    .pass();
        });
        return out[0];
    }

    private List<String> words(List<String> given, Function<HostStepDefaults, List<String>> fromHost, List<String> fallback) {
        return SiteSwitch.words(link, given, fromHost, fallback);
    }

    private RemoteLock.Held lock() throws InterruptedException {
        RemoteLock.Held[] held = new RemoteLock.Held[1];
        checks.run(lockCheck(route), c -> {
            c.expected("no other run on " + route.site() + " (waits up to " + Durations.format(spec.settings().lockWait()) + ")");
            try {
                held[0] = new RemoteLock(link, ctx.progress()).acquire(route.lockPath(), ctx.holder(), spec.settings().lockWait(),
                        spec.settings().lease(spec.verify()), sudo);
            } catch (LockTimeoutException e) {
                return c.actual("held by someone else").fail(e.getMessage());
            }
            return c.actual(route.lockPath() + ", held by " + ctx.holder()).pass(dryRun ? "dry run: printed, not taken" : null);
        });
        return held[0];
    }

    private void afterLock(Commands commands) throws InterruptedException {
        RemoteFiles files = new RemoteFiles(link, spec.settings().timeout());
        byte[][] content = new byte[1][];
        checks.run(readCheck(route), c -> {
            content[0] = files.read(route.site(), sudo);
            report.fact("siteSha256Before", sha256(content[0]));
            return c.expected("the site file").actual(content[0].length + " bytes, sha256 " + sha256(content[0]).substring(0, 12)).pass();
        });
        if (content[0] == null) {
            skipFrom(locationCheck(route), "the site file could not be read: nothing was changed");
            return;
        }
        SiteChange change = plan(new String(content[0], StandardCharsets.ISO_8859_1));
        if (change == null) {
            skipFrom(BACKUP, "the change could not be planned: nothing was changed");
            return;
        }
        if (!change.changes()) {
            List.of(BACKUP, writeCheck(route), TEST, RELOAD).forEach(n -> checks.skip(n, "nothing to change"));
            probe();
            return;
        }
        byte[] after = change.after().getBytes(StandardCharsets.ISO_8859_1);
        if (dryRun) {
            dryRun(commands, after);
            return;
        }
        Backup backup = backup(change);
        if (backup == null) {
            skipFrom(writeCheck(route), "no backup: nothing was changed");
            return;
        }
        Check written = checks.run(writeCheck(route), c -> {
            // The atomic writer's temporary file is '.<name>.deploy-steps.XXXXXX' beside the file: nginx's include globs
            // ('sites-enabled/*') do not match names that start with a dot, so nginx never reads a half-written copy.
            files.write(route.site(), after, sudo, "644");
            report.fact("siteSha256After", sha256(after));
            return c.expected(after.length + " bytes").actual("replaced atomically, mode and owner kept").pass();
        });
        if (written.status() != Status.PASS) {
            if (link.lost()) {
                // The rename may have happened before the connection dropped: put the backup back to be sure.
                restore(backup, commands, false);
                skipFrom(TEST, "the connection was lost while writing: the site file was restored");
            } else {
                skipFrom(TEST, "the site file could not be written: it is unchanged");
            }
            return;
        }
        if (!passed(command(TEST, commands.test(), false))) {
            boolean lost = link.lost();
            restore(backup, commands, false);
            // after a drop nginx -t never said anything: blaming the configuration would send the user the wrong way
            skipFrom(RELOAD, lost ? "the connection was lost during nginx -t: the site file was restored"
                    : "nginx -t failed: the site file was restored");
            return;
        }
        if (!passed(command(RELOAD, commands.reload(), true))) {
            restore(backup, commands, true);
            if (spec.verify() != null) {
                checks.skip(probeCheck(spec.verify()), "the reload failed: the site file was restored");
            }
            return;
        }
        Check probed = probe();
        if (probed != null && probed.status() != Status.PASS) {
            restore(backup, commands, true);
        }
    }

    private SiteChange plan(String text) throws InterruptedException {
        SiteChange[] out = new SiteChange[1];
        checks.run(locationCheck(route), c -> {
            Route r = spec.route();
            c.expected(r == null ? "absent" : "present, proxy_pass " + r.proxyPass());
            SiteChange change;
            try {
                change = SiteEditor.plan(route.site(), text, route.serverName(), route.location(), r);
            } catch (SiteEditor.Problem e) {
                return c.fail(e.getMessage());
            }
            out[0] = change;
            report.fact("serverBlock", change.server());
            report.fact("change", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            String diff = UnifiedDiff.of(route.site(), change.before(), change.after());
            c.evidence("diff", diff);
            String where = " in " + change.server();
            return c.actual(change.kind().words + where).pass(change.changes() ? change.kind().words + (dryRun ? " (dry run: not written)" : "")
                    : "already as asked: nothing changed");
        });
        return out[0];
    }

    private Backup backup(SiteChange change) throws InterruptedException {
        RemoteBackups backups = backups();
        Backup[] made = new Backup[1];
        checks.run(BACKUP, c -> {
            c.expected(route.site() + " copied to " + spec.settings().backupDir());
            var created = backups.create(List.of(route.site()), Map.of("change", change.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + route.describe()));
            if (created.isEmpty()) {
                return c.skip("dry run: printed, not run");
            }
            made[0] = created.get();
            RemoteBackups.Pruning pruning = backups.prune(spec.settings().keepBackups());
            report.fact("backup", made[0].id());
            report.fact("backupFolder", made[0].folder());
            return c.actual(made[0].id() + " in " + made[0].folder() + (pruning.deleted().isEmpty() ? "" : "; pruned "
                    + String.join(", ", pruning.deleted().stream().map(Backup::id).toList()))).pass();
        });
        return made[0];
    }

    private RemoteBackups backups() {
        return new RemoteBackups(link, spec.settings().backupDir(), spec.settings().timeout(), sudo);
    }

    private void dryRun(Commands commands, byte[] after) throws InterruptedException {
        checks.run(BACKUP, c -> {
            backups().create(List.of(route.site()), Map.of());
            return c.skip("dry run: printed, not run");
        });
        checks.run(writeCheck(route), c -> {
            new RemoteFiles(link, spec.settings().timeout()).write(route.site(), after, sudo, "644");
            return c.skip("dry run: printed, not run");
        });
        checks.run(TEST, c -> {
            c.expected("the whole configuration, with the new site file in place of the live one, passes " + String.join(" ", commands.test()));
            ExecResult r = link.exec(RemoteCommand.of(NginxCommands.testCandidate(route.site(), commands.test()), spec.settings().timeout())
                    .sudo(sudo).stdin(after));
            String output = output(r);
            c.evidence("nginx -t output", output).actual("exit " + r.exitCode());
            if (r.exitCode() == NginxCommands.NO_NAMESPACE || r.exitCode() == NginxCommands.NO_MOUNT) {
                return c.error("cannot test the candidate without changing the live file: " + r.tail(1));
            }
            return r.succeeded() ? c.pass("tested in a private mount namespace; the live file was not touched")
                    : c.fail("nginx -t fails with the new site file (nothing was changed): " + lastLine(output));
        });
        checks.skip(RELOAD, "dry run: nothing to reload");
        if (spec.verify() != null) {
            checks.skip(probeCheck(spec.verify()), "dry run: the route is not live");
        }
    }

    /** A test or reload command as a check, its output the evidence. */
    private Check command(String name, List<String> words, boolean changesHost) throws InterruptedException {
        return checks.run(name, c -> {
            RemoteCommand cmd = RemoteCommand.of(NginxCommands.run(words), spec.settings().timeout()).sudo(sudo);
            ExecResult r = link.exec(changesHost ? cmd.changesHost() : cmd);
            String output = output(r);
            c.expected("exit 0").actual("exit " + r.exitCode()).evidence(name.endsWith(TEST) ? "nginx -t output" : "output", output);
            return r.succeeded() ? c.pass() : c.fail(String.join(" ", words) + " failed (exit " + r.exitCode() + "): " + lastLine(output));
        });
    }

    private Check probe() throws InterruptedException {
        RouteVerify verify = spec.verify();
        if (verify == null) {
            return null;
        }
        return checks.run(probeCheck(verify), c -> {
            Http http;
            try {
                http = new Http(TrustSource.JVM);
            } catch (GeneralSecurityException e) {
                return c.error("cannot set up TLS: " + e.getMessage());
            }
            return new RouteProbe(http).probe(verify, c);
        });
    }

    /**
     * Puts the backed-up file back byte for byte and tests it. It reloads only when the failed file was loaded: after a
     * failed {@code nginx -t} the running nginx still has the old configuration, and a reload would only pick up
     * whatever else changed on the host meanwhile.
     */
    private void restore(Backup backup, Commands commands, boolean reload) throws InterruptedException {
        if (!link.ensureConnected()) {
            String why = "the connection is lost and reconnecting failed: put " + backup.folder() + "/files/1 back as " + route.site() + " by hand";
            List.of(RESTORE_PREFIX + route.site(), RESTORE_PREFIX + TEST, RESTORE_PREFIX + RELOAD).forEach(n -> checks.skip(n, why));
            report.fact("restored", "NO: " + why);
            return;
        }
        ctx.progress().warn("[" + link.name() + "] the change failed: restoring " + route.site() + " from backup " + backup.id());
        Check restored = checks.run(RESTORE_PREFIX + route.site(), c -> {
            c.expected("byte for byte as in backup " + backup.id());
            List<String> done = backups().restore(backup);
            return c.actual(String.join(", ", done)).evidence("restored", String.join("\n", done)).pass("put back from " + backup.folder());
        });
        if (restored.status() != Status.PASS) {
            String why = "the restore failed: put " + backup.folder() + "/files/1 back as " + route.site() + " by hand";
            checks.skip(RESTORE_PREFIX + TEST, why);
            checks.skip(RESTORE_PREFIX + RELOAD, why);
            report.fact("restored", "NO: " + why);
            return;
        }
        boolean tested = passed(command(RESTORE_PREFIX + TEST, commands.test(), false));
        if (!reload) {
            checks.skip(RESTORE_PREFIX + RELOAD, "not needed: nginx never loaded the failed file");
        } else if (tested) {
            command(RESTORE_PREFIX + RELOAD, commands.reload(), true);
        } else {
            checks.skip(RESTORE_PREFIX + RELOAD, "the restored configuration fails nginx -t too: not reloaded");
        }
        report.fact("restored", route.site() + " from backup " + backup.id());
    }

    private static boolean passed(Check c) {
        return c.status() == Status.PASS;
    }

    private static String output(ExecResult r) {
        return NginxCommands.output(r);
    }

    private static String lastLine(String output) {
        return NginxCommands.lastLine(output);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
