package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Locked;
import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Planned;
import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Read;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of nginxRoute on its host, as its stages: find the test and reload commands, lock the site file, read it,
 * plan the new content ({@link RoutePlan}), make it live ({@link RouteApply}: back up, write, test, reload) or try it
 * ({@link RouteDryRun}), and probe the route. When a stage does not pass, the stages after it are recorded as skipped
 * with its reason, so every report lists the same checks; a failure after the write puts the backup back first.
 */
final class RouteRun {
    private final RunContext ctx;
    private final ReportBuilder report;
    private final NginxRouteSpec spec;
    private final CheckRunner checks;

    RouteRun(RunContext ctx, ReportBuilder report, NginxRouteSpec spec) {
        this.ctx = ctx;
        this.report = report;
        this.spec = spec;
        this.checks = new CheckRunner(ctx, report);
    }

    /** @param connected the link to the host, or why there is none (every stage is then skipped for that reason) */
    void run(Outcome<HostLink> connected) throws InterruptedException {
        RouteTarget route = spec.target();
        Outcome<Locked> locked = Stages.from(connected)
                .then(RouteChecks.COMMANDS, "no usable nginx commands: nothing was changed", this::findCommands)
                .then(RouteChecks.lockCheck(route), "the site file is locked by another run: nothing was changed", RouteRun::lock)
                .run(checks);
        try {
            Outcome<Planned> planned = Stages.from(locked)
                    .then(RouteChecks.readCheck(route), "the site file could not be read: nothing was changed", RouteRun::read)
                    .then(RouteChecks.planCheck(spec), "the change could not be planned: nothing was changed", RoutePlan::plan)
                    .run(checks);
            boolean changes = planned.present() && planned.value().change().changes();
            Outcome<Planned> live = changes && spec.settings().dryRun() ? RouteDryRun.run(planned.value())
                    : RouteApply.run(checks, route, planned);
            probe(live);
        } finally {
            if (locked.present()) {
                locked.value().held().close();
            }
        }
    }

    private Checked<RouteSession> findCommands(Check.Builder c, HostLink link) {
        c.expected("a test and a reload command of plain words");
        List<String> test = SiteSwitch.words(link, spec.settings().testCommand(), HostStepDefaults::nginxTestCommand, NginxCommands.DEFAULT_TEST);
        List<String> reload = SiteSwitch.words(link, spec.settings().reloadCommand(), HostStepDefaults::nginxReloadCommand,
                NginxCommands.DEFAULT_RELOAD);
        RouteSession s = new RouteSession(ctx, report, checks, link, spec, new RouteSession.Commands(test, reload));
        return Checked.of(c.actual("test: " + String.join(" ", test) + "; reload: " + String.join(" ", reload) + (s.sudo() ? " (through sudo -n)" : ""))
                .pass(), s);
    }

    private static Checked<Locked> lock(Check.Builder c, RouteSession s) throws TargetException, InterruptedException {
        c.expected("no other run on " + s.route().site() + " (waits up to " + Durations.format(s.spec().settings().lockWait()) + ")");
        RemoteLock.Held held;
        try {
            held = new RemoteLock(s.link(), s.ctx().progress()).acquire(s.route().lockPath(), s.ctx().holder(), s.spec().settings().lockWait(),
                    s.spec().settings().lease(s.spec().verify()), s.sudo());
        } catch (LockTimeoutException e) {
            return Checked.without(c.actual("held by someone else").fail(e.getMessage()));
        }
        return Checked.of(c.actual(s.route().lockPath() + ", held by " + s.ctx().holder()).pass(s.dryRun() ? "dry run: printed, not taken" : null),
                new Locked(s, held));
    }

    private static Checked<Read> read(Check.Builder c, Locked locked) throws TargetException, InterruptedException {
        RouteSession s = locked.s();
        byte[] content = s.files().read(s.route().site(), s.sudo());
        s.report().fact("siteSha256Before", RouteSession.sha256(content));
        c.expected("the site file").actual(content.length + " bytes, sha256 " + RouteSession.sha256(content).substring(0, 12));
        return Checked.of(c.pass(), new Read(s, new String(content, StandardCharsets.ISO_8859_1)));
    }

    /** The probe, when the spec asks for one, of a route that is live; when it does not answer as asked, the backup goes back. */
    private void probe(Outcome<Planned> live) throws InterruptedException {
        RouteVerify verify = spec.verify();
        if (verify == null) {
            return;
        }
        Stages.from(live).then(RouteChecks.probeCheck(verify), RouteRun::undoAfterProbe,
                (c, p) -> Checked.of(RouteProbe.withJvmTrust(c, probe -> probe.probe(verify, c)), p)).run(checks);
    }

    private static String undoAfterProbe(Planned p) throws InterruptedException {
        if (p.backup() != null) {
            new RouteUndo(p.s()).restore(p.backup(), true);
        }
        return "the probe failed";
    }
}
