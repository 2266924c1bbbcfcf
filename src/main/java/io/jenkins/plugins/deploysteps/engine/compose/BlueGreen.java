package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * composeDeploy's blue-green strategy for the services nginx routes to: build while the old containers serve; start
 * a copy of the new version beside them and wait until it is up and passes the verify checks ({@link CopyStages});
 * point nginx at it, let the old containers drain, recreate the project's own containers from the user's compose file,
 * point nginx back ({@link Switchover}); remove the copy. Before the switch a failure only removes the copy (the old
 * version never stopped serving); after it, the project's containers are rolled back under the copy's cover and nginx
 * is pointed back, byte for byte. Services nginx does not route to are never touched.
 */
final class BlueGreen {
    static final String START = "start the new copy";
    static final String PREFIX = "new copy: ";
    static final String REMOVE = "remove the new copy";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final Consumer<String> phase;

    /** @param phase told the name of each stage as it begins (the downtime probe's phases) */
    BlueGreen(ComposeRun run, ComposeDeploySpec spec, Consumer<String> phase) {
        this.run = run;
        this.spec = spec;
        this.phase = phase;
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

    /** The stages, on the backup made; without one each is SKIP with the reason. The copy, once rendered, is removed whatever happens after. */
    void run(Outcome<DeployBackup.Saved> saved) throws InterruptedException {
        Outcome<DeployBackup.Saved> built = Stages.from(saved).then(List.of(Replace.BUILD), this::build).run(run);
        CopyStages copies = new CopyStages(run, spec, phase);
        CopyStages.Started copy = copies.start(built);
        Switchover switchover = new Switchover(run, spec, phase);
        try {
            switchover.run(copies.verify(copy.running()));
        } finally {
            copies.remove(copy.rendered(), switchover.drainFrom());
        }
    }

    /** {@code compose build} of the routed services that have a build section, while the old containers serve. */
    private Outcome<DeployBackup.Saved> build(DeployBackup.Saved saved) throws InterruptedException {
        ComposeProject project = saved.project();
        List<String> built = spec.strategy().blueGreen().services().stream().filter(s -> project.model().services().get(s).builds()).toList();
        phase.accept(Replace.BUILD);
        if (built.isEmpty()) {
            run.skip(Replace.BUILD, "no routed service has a build section");
        } else if (!run.wentThrough(CommandCheck.run(run, Replace.BUILD, project.commands().build(built, spec.deploy().noCache()), project.flavor(),
                true))) {
            run.report.fact("rollback", "not needed: the build failed before anything running was changed");
            return Outcome.missing("the build failed while the old containers kept serving: nothing that runs was changed");
        }
        return Outcome.of(saved);
    }

    /**
     * Waits until drainTime has passed since {@code from} ({@link System#nanoTime}: when nginx moved away from the side that
     * drains), so that requests still on that side can finish. The probes nginx's switch ran after its reload count.
     */
    static void drain(ComposeRun run, BlueGreenSettings settings, Consumer<String> phase, long from) throws InterruptedException {
        long left = settings.drainTime().toNanos() - (System.nanoTime() - from);
        if (!run.dryRun && left > 0) {
            phase.accept("drain");
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
