package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.run.Unexpected;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The build-first and recreate strategies: the project's own containers replaced where they run, verified, and rolled
 * back to the backup when anything failed once they may have changed. build-first builds while the old containers
 * serve and lets one {@code up} replace them, so a failed build changed nothing that runs; recreate takes them down
 * first, the checklist's literal order.
 */
final class Replace {
    static final String DOWN = "compose down";
    static final String PULL = "compose pull";
    static final String BUILD = "compose build";
    static final String UP = "compose up";
    private static final String BUILD_FAILED = "the build failed while the old containers kept serving: nothing that runs was changed";
    private static final String STOPPED = "the deploy stopped before the services started";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final List<String> services;
    private final Consumer<String> phase;
    private final boolean recreate;

    /**
     * @param services the services verified (the project's, or, before it is known, the ones asked for)
     * @param phase told the name of each command as it begins (the downtime probe's phases)
     */
    Replace(ComposeRun run, ComposeDeploySpec spec, List<String> services, Consumer<String> phase) {
        this.run = run;
        this.spec = spec;
        this.services = services;
        this.phase = phase;
        this.recreate = spec.strategy().strategy() == DeployStrategy.RECREATE;
    }

    /** The checks it records, in order. */
    List<String> planned() {
        List<String> names = new ArrayList<>();
        if (recreate) {
            names.add(DOWN);
        }
        if (spec.deploy().pull()) {
            names.add(PULL);
        }
        names.add(BUILD);
        names.addAll(upAndServices());
        return names;
    }

    private List<String> upAndServices() {
        List<String> names = new ArrayList<>(List.of(UP));
        names.addAll(services.isEmpty() ? List.of("services are up") : services.stream().map(Verification::upCheck).toList());
        return names;
    }

    /** Replaces and verifies, rolling back on a failure; without a backup each check is SKIP with the reason. */
    void run(Outcome<DeployBackup.Saved> saved) throws InterruptedException {
        Stages.from(saved).then(planned(), this::replace).run(run);
    }

    /** The new version, up and verified; else why not. */
    private Outcome<ComposeProject> replace(DeployBackup.Saved saved) throws InterruptedException {
        int mark = run.mark();
        try {
            if (!changeAndVerify(saved)) {
                return Outcome.missing("nothing that runs was changed");
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a change may have begun: the failure is recorded and the rollback below runs as for any other failure
            run.error("deploy", "unexpected error: " + Unexpected.describe(e));
        }
        List<Check> failed = run.failedSince(mark);
        if (failed.isEmpty()) {
            return Outcome.of(saved.project());
        }
        if (!spec.deploy().rollback()) {
            run.report.warn("the deploy failed (" + failed.get(0).name() + ") and rollback is false: the failed version was left as it is");
        } else {
            rollBack(saved.backup(), saved.project().flavor());
        }
        return Outcome.missing("the deploy failed");
    }

    /**
     * The strategy's commands, then verification. False when nothing is left to judge or undo: a dry run, or a
     * build-first build that failed while the old containers kept serving.
     */
    private boolean changeAndVerify(DeployBackup.Saved saved) throws InterruptedException {
        ComposeProject project = saved.project();
        if (recreate) {
            if (downAndBuild(project)) {
                upAndVerify(project, saved.before());
            } else {
                project.services().forEach(s -> run.skip(Verification.upCheck(s), run.dryRun ? "dry run" : STOPPED));
            }
            return !run.dryRun;
        }
        Outcome<ComposeProject> built = buildBeside(project);
        Stages.from(built).then(upAndServices(), p -> upAndVerify(p, saved.before())).run(run);
        if (!built.present()) {
            run.report.fact("rollback", "not needed: " + built.why());
            return false;
        }
        return !run.dryRun;
    }

    /** recreate: down, (pull), build, each only after the one before it went through. */
    private boolean downAndBuild(ComposeProject p) throws InterruptedException {
        List<String> selected = spec.verify().services();
        return step(p, DOWN, p.commands().down(selected, spec.deploy().removeOrphans()), false)
                && (!spec.deploy().pull() || step(p, PULL, p.commands().pull(selected), true))
                && (p.builtServices().isEmpty() || step(p, BUILD, p.commands().build(p.builtServices(), spec.deploy().noCache()), true));
    }

    /** build-first: (pull), build while the old containers serve; a failure skips what comes after it. */
    private Outcome<ComposeProject> buildBeside(ComposeProject project) throws InterruptedException {
        Stages<ComposeProject> stages = Stages.from(Outcome.of(project));
        if (spec.deploy().pull()) {
            stages = stages.then(List.of(PULL), p -> built(step(p, PULL, p.commands().pull(spec.verify().services()), true), p));
        }
        return stages.then(List.of(BUILD), p -> p.builtServices().isEmpty() ? Outcome.of(p)
                : built(step(p, BUILD, p.commands().build(p.builtServices(), spec.deploy().noCache()), true), p)).run(run);
    }

    private static Outcome<ComposeProject> built(boolean wentThrough, ComposeProject p) {
        return wentThrough ? Outcome.of(p) : Outcome.missing(BUILD_FAILED);
    }

    /** compose up, then every service is verified and its logs kept; when up does not go through, the services are not judged. */
    private Outcome<ComposeProject> upAndVerify(ComposeProject project, ContainerState.Snapshot before) throws InterruptedException {
        List<String> selected = spec.verify().services();
        // build-first replaces the running containers in one up: each service is down only for its own stop and start
        boolean up = step(project, UP, recreate ? project.commands().up(selected)
                : project.commands().recreate(selected, spec.deploy().removeOrphans()), false);
        if (run.dryRun) {
            project.services().forEach(s -> run.skip(Verification.upCheck(s), "dry run"));
            return Outcome.missing("dry run");
        }
        Verification verification = new Verification(run, project, spec.verify(), "");
        if (!up) {
            project.services().forEach(s -> run.skip(Verification.upCheck(s), STOPPED));
            verification.logs(true); // whatever started before up failed said why
            return Outcome.missing(STOPPED);
        }
        boolean allUp = verification.servicesUp(before == null ? Instant.EPOCH : before.now());
        if (allUp) {
            verification.imagesRebuilt(before);
        }
        verification.logs(!allUp);
        return allUp ? Outcome.of(project) : Outcome.missing("a service is not up");
    }

    /** Runs one deploy command as a check; true when it went through (passed, or was printed in a dry run). */
    private boolean step(ComposeProject project, String name, Cmd cmd, boolean outputTellsFailure) throws InterruptedException {
        phase.accept(name);
        return run.wentThrough(CommandCheck.run(run, name, cmd, project.flavor(), outputTellsFailure));
    }

    /** Back to the backup, over a new connection when the old one dropped. */
    private void rollBack(Backup backup, ComposeFlavor flavor) throws InterruptedException {
        new Restore(run, spec.verify(), "rollback: ").rollBack(reachable(backup).map(b -> new Restore.From(b, flavor)),
                b -> "the deploy failed: rolling back to backup " + b.id());
    }

    private Outcome<Backup> reachable(Backup backup) throws InterruptedException {
        if (backup == null) {
            return Outcome.missing("no backup to roll back to");
        }
        return run.link.lost() && !run.link.reconnect() ? Outcome.missing(Restore.byHand(backup)) : Outcome.of(backup);
    }
}
