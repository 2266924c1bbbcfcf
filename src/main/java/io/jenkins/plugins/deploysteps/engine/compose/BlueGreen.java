package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * composeDeploy's blue-green strategy for the services nginx routes to: build while the old containers serve; start
 * a copy of the new version beside them ({@link NewCopy}); wait until it is up and passes the verify checks; point
 * nginx at it ({@link Switch}); let the old containers drain; recreate the project's own containers from the user's
 * compose file; point nginx back; remove the copy. Before the switch a failure only removes the copy (the old version
 * never stopped serving); after it, the project's containers are rolled back under the copy's cover and nginx is
 * pointed back, byte for byte. Services nginx does not route to are never touched.
 */
final class BlueGreen {
    static final String START = "start the new copy";
    static final String PREFIX = "new copy: ";
    static final String REMOVE = "remove the new copy";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final ComposeProject project;
    private final DowntimeProbe probe;
    private final BlueGreenSettings settings;

    BlueGreen(ComposeRun run, ComposeDeploySpec spec, ComposeProject project, DowntimeProbe probe) {
        this.run = run;
        this.spec = spec;
        this.project = project;
        this.probe = probe;
        this.settings = spec.strategy().blueGreen();
    }

    /** Why this project cannot be deployed blue-green, before anything changes; null when it can. */
    static String refusal(ComposeDeploySpec spec, ComposeProject project) {
        if (!project.flavor().canValidateConfig()) {
            return project.flavor() + " cannot print the resolved project (it has no config command), which blue-green renders its "
                    + "temporary copy from: use docker compose or docker-compose, or strategy 'build-first'";
        }
        for (RoutedService r : spec.strategy().blueGreen().routes()) {
            if (!project.model().services().containsKey(r.service())) {
                return "routes: no service " + r.service() + " in the compose files (they define " + String.join(", ", project.model().services().keySet())
                        + ")";
            }
        }
        return null;
    }

    static List<String> planned(ComposeDeploySpec spec) {
        List<String> names = new ArrayList<>(List.of(Deployment.BUILD, START));
        spec.strategy().blueGreen().services().forEach(s -> names.add(PREFIX + Verification.upCheck(NewCopy.service(s))));
        names.add(Switch.TO_NEW);
        names.add(Deployment.UP);
        spec.strategy().blueGreen().services().forEach(s -> names.add(Verification.upCheck(s)));
        names.add(Switch.BACK);
        names.add(REMOVE);
        return names;
    }

    private void skipFrom(String first, String why) {
        List<String> all = planned(spec);
        all.subList(all.indexOf(first), all.size()).forEach(n -> run.skip(n, why));
    }

    private void phase(String name) {
        if (probe != null) {
            probe.phase(name);
        }
    }

    void run(Backup backup, ContainerState.Snapshot before) throws InterruptedException {
        List<String> built = settings.services().stream().filter(s -> project.model().services().get(s).builds()).toList();
        phase(Deployment.BUILD);
        if (built.isEmpty()) {
            run.skip(Deployment.BUILD, "no routed service has a build section");
        } else if (!passed(run.compose(Deployment.BUILD, project.commands().build(built, spec.deploy().noCache()), project.flavor(), true))) {
            skipFrom(START, "the build failed while the old containers kept serving: nothing that runs was changed");
            run.report.fact("rollback", "not needed: the build failed before anything running was changed");
            return;
        }
        phase(START);
        NewCopy.Rendered[] copy = new NewCopy.Rendered[1];
        Map<String, NewCopy.Mapping> live = new LinkedHashMap<>();
        String file = "/tmp/deploy-steps-" + NewCopy.project(spec.target().project()) + ".yml";
        ComposeCommands copyCommands = new ComposeCommands(project.flavor(), "/tmp", NewCopy.project(spec.target().project()), List.of(file));
        try {
            Check started = run.check(START, c -> start(c, copy, live, file, copyCommands));
            if (!passed(started)) {
                skipBeforeRemove(PREFIX + Verification.upCheck(NewCopy.service(settings.services().get(0))), "the new copy did not start: "
                        + "the old version keeps serving");
                return;
            }
            if (!newCopyVerified(copyCommands, copy[0], live)) {
                skipBeforeRemove(Switch.TO_NEW, "the new copy failed its checks before any user reached it: the old version keeps serving");
                return;
            }
            switchAndReplace(backup, before, copy[0], live);
        } finally {
            // Whatever happened (a check failed, the connection dropped, something threw), the copy does not stay.
            if (copy[0] != null) {
                drain();
                remove(file);
            } else {
                run.skip(REMOVE, "nothing was started");
            }
        }
    }

    /** Points nginx at the copy, recreates the project's own containers, points nginx back; nginx is back on every path. */
    private void switchAndReplace(Backup backup, ContainerState.Snapshot before, NewCopy.Rendered copy, Map<String, NewCopy.Mapping> live)
            throws InterruptedException {
        List<String> routed = settings.services();
        Switch sw = new Switch(run, settings, spec.timeouts().lease(spec.verify()).plus(settings.drainTime().multipliedBy(2)));
        Map<String, int[]> redirect = new LinkedHashMap<>();
        live.forEach((service, m) -> redirect.put(service, new int[] {m.published(), copy.ports().get(service)}));
        phase(Switch.TO_NEW);
        try {
            if (!sw.toNew(redirect)) {
                String why = "nginx was not switched: the old version keeps serving";
                run.skip(Deployment.UP, why);
                routed.forEach(s -> run.skip(Verification.upCheck(s), why));
                run.skip(Switch.BACK, "nginx is as it was");
                return;
            }
            drain();
            phase(Deployment.UP);
            Instant since = run.dryRun || before == null ? Instant.EPOCH : now();
            int mark = run.mark();
            boolean replaced = passed(run.compose(Deployment.UP, project.commands().recreate(routed, false), project.flavor(), false));
            ComposeProject routedOnly = new ComposeProject(project.flavor(), project.files(), project.model(), routed, project.commands());
            if (run.dryRun) {
                routed.forEach(s -> run.skip(Verification.upCheck(s), "dry run"));
            } else if (replaced) {
                Verification v = new Verification(run, routedOnly, routedVerify(), "");
                v.logs(!v.servicesUp(since));
            } else {
                routed.forEach(s -> run.skip(Verification.upCheck(s), "compose up failed"));
            }
            if (!run.failedSince(mark).isEmpty()) {
                rollBackUnderCover(backup);
            }
        } finally {
            phase(Switch.BACK);
            sw.back();
            sw.release();
        }
    }

    /** The project's own containers failed after the switch: users are on the copy, so the old version comes back first. */
    private void rollBackUnderCover(Backup backup) throws InterruptedException {
        if (!spec.deploy().rollback() || backup == null) {
            run.report.warn("the project's new containers failed and " + (backup == null ? "there is no backup" : "rollback is false")
                    + ": nginx goes back to them as they are");
            return;
        }
        if (!run.link.ensureConnected()) {
            Restore.planned("rollback: ").forEach(n -> run.skip(n, "the connection is lost and reconnecting failed: roll back by hand "
                    + "(composeRollback backup: '" + backup.id() + "')"));
            return;
        }
        run.ctx.progress().warn("[" + run.link.name() + "] the project's new containers failed: rolling back while users are on the new copy");
        boolean back = new Restore(run, routedVerify(), "rollback: ").run(backup, project.flavor());
        run.report.fact("rollback", back ? "rolled back to backup " + backup.id() : "the rollback to backup " + backup.id() + " failed too");
    }

    private Instant now() throws InterruptedException {
        try {
            return run.states(new EngineCommands(project.flavor(), spec.target().project())).now();
        } catch (TargetException e) {
            return Instant.EPOCH;
        }
    }

    private VerifySettings routedVerify() {
        VerifySettings v = spec.verify();
        return new VerifySettings(settings.services(), v.waitTimeout(), v.stableFor(), v.logsTail(), v.failOnLogPattern(), v.warnOnLogPattern());
    }

    private void skipBeforeRemove(String first, String why) {
        List<String> all = planned(spec);
        all.subList(all.indexOf(first), all.indexOf(REMOVE)).forEach(n -> run.skip(n, why));
    }

    private Check start(Check.Builder c, NewCopy.Rendered[] copy, Map<String, NewCopy.Mapping> live, String file, ComposeCommands copyCommands)
            throws TargetException, InterruptedException {
        String text = project.resolved(); // read by preflight's compose config: compose is not asked twice
        if (text == null) {
            return c.fail("compose config printed no project");
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        Map<String, String> ips = new LinkedHashMap<>();
        for (RoutedService r : settings.routes()) {
            List<NewCopy.Mapping> ports = NewCopy.mappings(text, r.service()).stream().filter(m -> r.port() == null || m.target() == r.port()).toList();
            if (ports.size() != 1) {
                return c.fail("service " + r.service() + " publishes " + (ports.isEmpty() ? "no TCP port" : ports.size() + " TCP ports")
                        + (r.port() == null ? "" : " for container port " + r.port()) + ": nginx must reach it on exactly one (set port)");
            }
            live.put(r.service(), ports.get(0));
            targets.put(r.service(), ports.get(0).target());
            ips.put(r.service(), ports.get(0).hostIp());
        }
        List<Integer> free = Listeners.freePorts(Listeners.parse(run.readQuietly(Listeners.read()).stdoutText()), live.size());
        Map<String, Integer> temporary = new LinkedHashMap<>();
        live.keySet().forEach(s -> temporary.put(s, free.get(temporary.size())));
        copy[0] = NewCopy.render(text, spec.target().project(), project.flavor(), targets, ips, temporary);
        c.expected(String.join(", ", settings.services()) + " beside the old containers, on free host ports");
        new RemoteFiles(run.link, run.timeouts.command()).write(file, copy[0].yaml().getBytes(StandardCharsets.UTF_8), run.sudo(), "600");
        ExecResult up = run.link.exec(RemoteCommand.of(copyCommands.up(settings.services().stream().map(NewCopy::service).toList()),
                run.timeouts.compose()).sudo(run.sudo()).changesHost());
        String where = String.join(", ", temporary.entrySet().stream().map(e -> e.getKey() + " on " + ips.get(e.getKey()) + ":" + e.getValue()).toList());
        if (run.dryRun) {
            return c.skip("dry run: would start " + where);
        }
        c.evidence("output", ComposeRun.tail(up.stdoutText() + up.stderrText(), 30));
        if (!up.succeeded()) {
            // compose's last line only says that errors happened; its last "ERROR: for <service> ..." line says which
            String why = (up.stdoutText() + "\n" + up.stderrText()).lines().filter(l -> l.startsWith("ERROR:")).reduce((a, b) -> b).orElse(up.tail(1));
            return c.actual("exit " + up.exitCode()).fail("compose up of the new copy failed (exit " + up.exitCode() + "): " + why.strip());
        }
        run.report.fact("newCopy", where);
        return c.actual(where).pass();
    }

    private boolean newCopyVerified(ComposeCommands copyCommands, NewCopy.Rendered copy, Map<String, NewCopy.Mapping> live)
            throws InterruptedException {
        List<String> copies = settings.services().stream().map(NewCopy::service).toList();
        ComposeProject copyProject = new ComposeProject(project.flavor(), copyCommands.files(), project.model(), copies, copyCommands);
        ComposeRun onCopy = run.on(new ComposeTarget(spec.target().host(), "/tmp", NewCopy.project(spec.target().project()), copyCommands.files(),
                spec.target().composeCommand(), spec.target().backupDir()));
        phase(PREFIX + "up");
        if (run.dryRun) {
            copies.forEach(s -> run.skip(PREFIX + Verification.upCheck(s), "dry run"));
            return true;
        }
        int mark = run.mark();
        Verification v = new Verification(onCopy, copyProject, new VerifySettings(copies, spec.verify().waitTimeout(), spec.verify().stableFor(),
                spec.verify().logsTail(), spec.verify().failOnLogPattern(), spec.verify().warnOnLogPattern()), PREFIX);
        boolean up = v.servicesUp(Instant.EPOCH);
        if (!up) {
            v.logs(true);
            return false;
        }
        if (settings.checks() != null) {
            phase(PREFIX + "verify");
            new CopyChecks(run, settings.checks(), copy.ports(), PREFIX).run(live);
        }
        return run.failedSince(mark).isEmpty();
    }

    private void drain() throws InterruptedException {
        if (!run.dryRun && !settings.drainTime().isZero()) {
            phase("drain");
            Thread.sleep(settings.drainTime().toMillis());
        }
    }

    private void remove(String file) throws InterruptedException {
        phase(REMOVE);
        run.check(REMOVE, c -> {
            if (!run.link.ensureConnected()) {
                return c.error("the connection is lost: remove project " + NewCopy.project(spec.target().project()) + " by hand");
            }
            ExecResult down = run.link.exec(RemoteCommand.of(new EngineCommands(project.flavor(), NewCopy.project(spec.target().project()))
                    .stopAndRemoveContainers(), run.timeouts.compose()).sudo(run.sudo()).changesHost());
            run.change(Cmd.of("rm", "-f", "--", file));
            if (run.dryRun) {
                return c.skip("dry run: printed, not run");
            }
            c.evidence("output", ComposeRun.tail(down.stdoutText() + down.stderrText(), 20));
            return down.succeeded() ? c.actual("removed; volumes and networks are the project's and stay").pass()
                    : c.fail("removing the new copy's containers failed (exit " + down.exitCode() + "): " + down.tail(1));
        });
    }

    /** Passed, or printed instead of run in a dry run. */
    private boolean passed(Check c) {
        return c.status() == Status.PASS || c.status() == Status.SKIP && run.dryRun;
    }
}
