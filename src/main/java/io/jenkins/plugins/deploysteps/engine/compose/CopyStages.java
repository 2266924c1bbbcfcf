package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A blue-green deploy's temporary copy ({@link NewCopy}) as stages: started beside the old containers on free host
 * ports ({@link CopyLaunch}), verified before any user reaches it, and removed at the end.
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
        c.expected(String.join(", ", settings.services()) + " beside the old containers, on free host ports");
        ComposeFlavor flavor = deploy.project().flavor();
        CopyLaunch launch = new CopyLaunch(run, file, commands(flavor), new EngineCommands(flavor, project),
                settings.services().stream().map(NewCopy::service).toList());
        return launch.start(c, ips, ports -> new Copy(deploy, NewCopy.render(text, spec.target().project(), flavor, targets, ips, ports), live),
                copy -> remove(copy, System.nanoTime()));
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

    /**
     * Records {@code remove the new copy} once requests on it drained: its containers and its file.
     *
     * @param drainFrom when nginx moved away from the copy ({@link BlueGreen#drain})
     */
    void remove(Outcome<Copy> rendered, long drainFrom) throws InterruptedException {
        Stages.from(rendered).then(List.of(BlueGreen.REMOVE), copy -> {
            BlueGreen.drain(run, settings, phase, drainFrom);
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
