package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import java.util.List;
import java.util.function.Consumer;

/**
 * composeDeploy after its preflight, as its stages: lock the directory, check the ports under the lock, back up files
 * and images, then the strategy's change ({@link Replace}: build-first or recreate; {@link BlueGreen}), which verifies
 * and rolls back when anything failed once a running container may have changed; the downtime probe measures from
 * before the first change to the end. The lock is released on every path, also after the connection dropped (the
 * step reconnects to roll back and release) and in a dry run, where every change is printed instead.
 */
final class Deployment {
    private final ComposeRun run;
    private final ComposeDeploySpec spec;

    Deployment(ComposeRun run, ComposeDeploySpec spec) {
        this.run = run;
        this.spec = spec;
    }

    /** Runs the stages on the project preflight found; without one (no host, preflight failed) each is SKIP with the reason. */
    void run(Outcome<ComposeProject> checked) throws InterruptedException {
        try (Locked<ComposeProject> locked = Locked.take(run, checked, spec.verify(), "the directory is locked by another deploy")) {
            PortCheck ports = new PortCheck(run);
            Outcome<ComposeProject> free = Stages.from(locked.value())
                    .then(PortCheck.NAME, "preflight failed: nothing was changed", ports::run)
                    .run(run);
            DowntimeProbe probe = startProbe(free);
            try {
                Outcome<DeployBackup.Saved> saved = Stages.from(strategyAllowed(free))
                        .then(List.of(DeployBackup.CHECK), new DeployBackup(run, spec, ports.seen())::take)
                        .run(run);
                Consumer<String> phase = probe == null ? name -> {} : probe::phase;
                if (spec.strategy().strategy() == DeployStrategy.BLUE_GREEN) {
                    new BlueGreen(run, spec, phase).run(saved);
                } else {
                    new Replace(run, spec, checked.present() ? checked.value().services() : spec.verify().services(), phase).run(saved);
                }
            } finally {
                measured(free, probe);
            }
        }
    }

    /** Blue-green's own conditions, checked (as {@code strategy blue-green}) only when they do not hold: then nothing is changed. */
    private Outcome<ComposeProject> strategyAllowed(Outcome<ComposeProject> free) throws InterruptedException {
        String refused = free.present() && spec.strategy().strategy() == DeployStrategy.BLUE_GREEN ? BlueGreen.refusal(spec, free.value()) : null;
        if (refused == null) {
            return free;
        }
        run.check("strategy blue-green", c -> c.fail(refused));
        return Outcome.missing("blue-green cannot deploy this project: nothing was changed");
    }

    /** The probe runs from before the first change; in a dry run nothing changes, so nothing is measured. */
    private DowntimeProbe startProbe(Outcome<ComposeProject> free) throws InterruptedException {
        if (spec.strategy().downtime() == null || !free.present() || run.dryRun) {
            return null;
        }
        DowntimeProbe probe = new DowntimeProbe(run, spec.strategy().downtime());
        probe.start(spec.timeouts().lease(spec.verify()));
        return probe;
    }

    /** Records the downtime check, last: what the probe measured, or SKIP when the deploy did not begin or changed nothing. */
    private void measured(Outcome<ComposeProject> free, DowntimeProbe probe) throws InterruptedException {
        if (probe != null) {
            probe.finish();
        } else if (spec.strategy().downtime() != null) {
            run.skip(DowntimeProbe.checkName(spec.strategy().downtime()), free.present() ? "dry run: nothing was measured" : free.why());
        }
    }
}
