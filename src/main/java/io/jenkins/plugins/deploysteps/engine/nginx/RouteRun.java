package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One run of nginxRoute on its host, after connecting, as a list of stages: find the test and reload commands, lock
 * the site file, read it, plan the new content ({@link RoutePlan}), then either show what would happen
 * ({@link RouteDryRun}) or make the change safely ({@link RouteApply}: back up, write, test, reload, probe, and put the
 * backup back when any of them fails). Each stage records its check; when one cannot go on, the checks planned after
 * it are recorded as skipped with the reason, so every report lists the same checks.
 */
final class RouteRun {
    private final RouteSession s;

    RouteRun(RunContext ctx, ReportBuilder report, HostLink link, NginxRouteSpec spec) {
        this.s = new RouteSession(ctx, report, link, spec);
    }

    void run() throws InterruptedException {
        RouteSession.Commands commands = findCommands();
        if (commands == null) {
            s.skipFrom(RouteChecks.lockCheck(s.route), "no usable nginx commands: nothing was changed");
            return;
        }
        RemoteLock.Held held = lock();
        if (held == null) {
            s.skipFrom(RouteChecks.readCheck(s.route), "the site file is locked by another run: nothing was changed");
            return;
        }
        try {
            underLock(commands);
        } finally {
            held.close();
        }
    }

    private void underLock(RouteSession.Commands commands) throws InterruptedException {
        byte[] current = read();
        if (current == null) {
            s.skipFrom(RouteChecks.planCheck(s.spec), "the site file could not be read: nothing was changed");
            return;
        }
        SiteChange change = new RoutePlan(s).plan(current);
        if (change == null) {
            s.skipFrom(RouteChecks.BACKUP, "the change could not be planned: nothing was changed");
            return;
        }
        if (!change.changes()) {
            List.of(RouteChecks.BACKUP, RouteChecks.writeCheck(s.route), RouteChecks.TEST, RouteChecks.RELOAD)
                    .forEach(n -> s.checks.skip(n, "nothing to change"));
            s.probe();
            return;
        }
        byte[] after = change.after().getBytes(StandardCharsets.ISO_8859_1);
        if (s.dryRun) {
            new RouteDryRun(s, commands).run(after);
        } else {
            new RouteApply(s, commands).run(change, after);
        }
    }

    private RouteSession.Commands findCommands() throws InterruptedException {
        RouteSession.Commands[] out = new RouteSession.Commands[1];
        s.checks.run(RouteChecks.COMMANDS, c -> {
            c.expected("a test and a reload command of plain words");
            List<String> test = words(s.spec.settings().testCommand(), HostStepDefaults::nginxTestCommand, NginxCommands.DEFAULT_TEST);
            List<String> reload = words(s.spec.settings().reloadCommand(), HostStepDefaults::nginxReloadCommand, NginxCommands.DEFAULT_RELOAD);
            out[0] = new RouteSession.Commands(test, reload);
            return c.actual("test: " + String.join(" ", test) + "; reload: " + String.join(" ", reload) + (s.sudo ? " (through sudo -n)" : ""))
                    .pass();
        });
        return out[0];
    }

    private List<String> words(List<String> given, Function<HostStepDefaults, List<String>> fromHost, List<String> fallback) {
        return SiteSwitch.words(s.link, given, fromHost, fallback);
    }

    private RemoteLock.Held lock() throws InterruptedException {
        RemoteLock.Held[] held = new RemoteLock.Held[1];
        s.checks.run(RouteChecks.lockCheck(s.route), c -> {
            c.expected("no other run on " + s.route.site() + " (waits up to " + Durations.format(s.spec.settings().lockWait()) + ")");
            try {
                held[0] = new RemoteLock(s.link, s.ctx.progress()).acquire(s.route.lockPath(), s.ctx.holder(), s.spec.settings().lockWait(),
                        s.spec.settings().lease(s.spec.verify()), s.sudo);
            } catch (LockTimeoutException e) {
                return c.actual("held by someone else").fail(e.getMessage());
            }
            return c.actual(s.route.lockPath() + ", held by " + s.ctx.holder()).pass(s.dryRun ? "dry run: printed, not taken" : null);
        });
        return held[0];
    }

    private byte[] read() throws InterruptedException {
        byte[][] content = new byte[1][];
        s.checks.run(RouteChecks.readCheck(s.route), c -> {
            content[0] = s.files().read(s.route.site(), s.sudo);
            s.report.fact("siteSha256Before", RouteSession.sha256(content[0]));
            return c.expected("the site file").actual(content[0].length + " bytes, sha256 " + RouteSession.sha256(content[0]).substring(0, 12)).pass();
        });
        return content[0];
    }
}
