package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A blue-green deploy's temporary copy ({@link NewCopy}) as stages: started beside the old containers on free host
 * ports, verified before any user reaches it, and removed at the end.
 */
final class CopyStages {
    /** The copy of a deploy's routed services: its compose file and, per routed service, the port nginx reaches the old one on. */
    record Copy(DeployBackup.Saved deploy, NewCopy.Rendered rendered, Map<String, NewCopy.Mapping> live) {}

    /** The copy for the stages after the start (when it started), and for its removal (once rendered, whether or not it started). */
    record Started(Outcome<Copy> running, Outcome<Copy> rendered) {}

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final BlueGreenSettings settings;
    private final Consumer<String> phase;
    private final String project;
    private final String file;

    CopyStages(ComposeRun run, ComposeDeploySpec spec, Consumer<String> phase) {
        this.run = run;
        this.spec = spec;
        this.settings = spec.strategy().blueGreen();
        this.phase = phase;
        this.project = NewCopy.project(spec.target().project());
        this.file = "/tmp/deploy-steps-" + project + ".yml";
    }

    private ComposeCommands commands(ComposeFlavor flavor) {
        return new ComposeCommands(flavor, "/tmp", project, List.of(file));
    }

    /** Records {@code start the new copy}; without a build it is SKIP with the reason. */
    Started start(Outcome<DeployBackup.Saved> built) throws InterruptedException {
        if (!built.present()) {
            run.skip(BlueGreen.START, built.why());
            return new Started(Outcome.missing(built.why()), Outcome.missing(built.why()));
        }
        phase.accept(BlueGreen.START);
        Checked<Copy> started = run.produce(BlueGreen.START, c -> start(c, built.value()));
        Outcome<Copy> notStarted = Outcome.missing("the new copy did not start: the old version keeps serving");
        if (started.value() == null) {
            return new Started(notStarted, Outcome.missing("nothing was started"));
        }
        Outcome<Copy> rendered = Outcome.of(started.value());
        return new Started(run.wentThrough(started.check()) ? rendered : notStarted, rendered);
    }

    private Checked<Copy> start(Check.Builder c, DeployBackup.Saved deploy) throws TargetException, InterruptedException {
        String text = deploy.project().resolved(); // read by preflight's compose config: compose is not asked twice
        if (text == null) {
            return Checked.without(c.fail("compose config printed no project"));
        }
        Map<String, NewCopy.Mapping> live = new LinkedHashMap<>();
        Map<String, Integer> targets = new LinkedHashMap<>();
        Map<String, String> ips = new LinkedHashMap<>();
        for (RoutedService r : settings.routes()) {
            List<NewCopy.Mapping> ports = NewCopy.mappings(text, r.service()).stream().filter(m -> r.port() == null || m.target() == r.port())
                    .toList();
            if (ports.size() != 1) {
                return Checked.without(c.fail("service " + r.service() + " publishes " + (ports.isEmpty() ? "no TCP port"
                        : ports.size() + " TCP ports") + (r.port() == null ? "" : " for container port " + r.port())
                        + ": nginx must reach it on exactly one (set port)"));
            }
            live.put(r.service(), ports.get(0));
            targets.put(r.service(), ports.get(0).target());
            ips.put(r.service(), ports.get(0).hostIp());
        }
        List<Integer> free = Listeners.freePorts(Listeners.parse(run.readQuietly(Listeners.read()).stdoutText()), live.size());
        Map<String, Integer> temporary = new LinkedHashMap<>();
        live.keySet().forEach(s -> temporary.put(s, free.get(temporary.size())));
        Copy copy = new Copy(deploy, NewCopy.render(text, spec.target().project(), deploy.project().flavor(), targets, ips, temporary), live);
        c.expected(String.join(", ", settings.services()) + " beside the old containers, on free host ports");
        String where = String.join(", ", temporary.entrySet().stream().map(e -> e.getKey() + " on " + ips.get(e.getKey()) + ":" + e.getValue())
                .toList());
        try {
            return Checked.of(launch(c, copy, where), copy);
        } catch (TargetException | RuntimeException e) {
            // it may have begun to start: it is handed on all the same, so that it is removed
            return Checked.of(CheckRunner.couldNotRun(BlueGreen.START, Severity.FAILURE, e), copy);
        } catch (InterruptedException e) {
            remove(Outcome.of(copy)); // what may have started does not stay when the step is stopped
            throw e;
        }
    }

    private Check launch(Check.Builder c, Copy copy, String where) throws TargetException, InterruptedException {
        new RemoteFiles(run.link, run.timeouts.command()).write(file, copy.rendered().yaml().getBytes(StandardCharsets.UTF_8), run.sudo(),
                "600");
        Cmd start = commands(copy.deploy().project().flavor()).up(settings.services().stream().map(NewCopy::service).toList());
        ExecResult up = run.link.exec(RemoteCommand.of(start, run.timeouts.compose()).sudo(run.sudo()).changesHost());
        if (run.dryRun) {
            return c.skip("dry run: would start " + where);
        }
        c.evidence("output", CommandCheck.tail(up.stdoutText() + up.stderrText(), 30));
        if (!up.succeeded()) {
            // compose's last line only says that errors happened; its last "ERROR: for <service> ..." line says which
            String why = (up.stdoutText() + "\n" + up.stderrText()).lines().filter(l -> l.startsWith("ERROR:")).reduce((a, b) -> b)
                    .orElse(up.tail(1));
            return c.actual("exit " + up.exitCode()).fail("compose up of the new copy failed (exit " + up.exitCode() + "): " + why.strip());
        }
        run.report.fact("newCopy", where);
        return c.actual(where).pass();
    }

    /** Records {@code new copy: service <s>-next is up} per routed service, then the verify checks and the magic-link login against the copy. */
    Outcome<Copy> verify(Outcome<Copy> running) throws InterruptedException {
        List<String> copies = settings.services().stream().map(NewCopy::service).toList();
        List<String> checks = copies.stream().map(s -> BlueGreen.PREFIX + Verification.upCheck(s)).toList();
        return Stages.from(running).then(checks, copy -> verify(copy, copies)).run(run);
    }

    private Outcome<Copy> verify(Copy copy, List<String> copies) throws InterruptedException {
        ComposeProject own = copy.deploy().project();
        ComposeCommands commands = commands(own.flavor());
        ComposeProject copyProject = new ComposeProject(own.flavor(), commands.files(), own.model(), copies, commands);
        ComposeRun onCopy = run.on(new ComposeTarget(spec.target().host(), "/tmp", project, commands.files(), spec.target().composeCommand(),
                spec.target().backupDir()));
        phase.accept(BlueGreen.PREFIX + "up");
        if (run.dryRun) {
            copies.forEach(s -> run.skip(BlueGreen.PREFIX + Verification.upCheck(s), "dry run"));
            return Outcome.of(copy);
        }
        int mark = run.mark();
        VerifySettings v = spec.verify();
        Verification verification = new Verification(onCopy, copyProject, new VerifySettings(copies, v.waitTimeout(), v.stableFor(), v.logsTail(),
                v.failOnLogPattern(), v.warnOnLogPattern()), BlueGreen.PREFIX);
        String failed = "the new copy failed its checks before any user reached it: the old version keeps serving";
        if (!verification.servicesUp(Instant.EPOCH)) {
            verification.logs(true);
            return Outcome.missing(failed);
        }
        CopyChecks checks = new CopyChecks(run, copy.rendered().ports(), copy.live(), BlueGreen.PREFIX);
        if (settings.checks() != null) {
            phase.accept(BlueGreen.PREFIX + "verify");
            checks.run(settings.checks());
        }
        if (settings.magicLink() != null) {
            if (run.failedSince(mark).isEmpty()) {
                phase.accept(BlueGreen.PREFIX + "magic link");
                checks.magicLink(settings.magicLink());
            } else {
                run.skip(BlueGreen.PREFIX + CopyChecks.MAGIC_LINK, "the new copy failed its verify checks");
            }
        }
        return run.failedSince(mark).isEmpty() ? Outcome.of(copy) : Outcome.missing(failed);
    }

    /** Records {@code remove the new copy} once requests on it drained: its containers and its file. */
    void remove(Outcome<Copy> rendered) throws InterruptedException {
        Stages.from(rendered).then(List.of(BlueGreen.REMOVE), copy -> {
            BlueGreen.drain(run, settings, phase);
            phase.accept(BlueGreen.REMOVE);
            run.check(BlueGreen.REMOVE, c -> {
                if (!run.link.ensureConnected()) {
                    return c.error("the connection is lost: remove project " + project + " by hand");
                }
                Cmd stop = new EngineCommands(copy.deploy().project().flavor(), project).stopAndRemoveContainers();
                ExecResult down = run.link.exec(RemoteCommand.of(stop, run.timeouts.compose()).sudo(run.sudo()).changesHost());
                run.change(Cmd.of("rm", "-f", "--", file));
                if (run.dryRun) {
                    return c.skip("dry run: printed, not run");
                }
                c.evidence("output", CommandCheck.tail(down.stdoutText() + down.stderrText(), 20));
                return down.succeeded() ? c.actual("removed; volumes and networks are the project's and stay").pass()
                        : c.fail("removing the new copy's containers failed (exit " + down.exitCode() + "): " + down.tail(1));
            });
            return Outcome.of(copy);
        }).run(run);
    }
}
