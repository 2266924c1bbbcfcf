package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of a blue-green deploy users notice: nginx pointed at the verified copy ({@link Switch}), the project's own
 * containers recreated from the user's compose file and verified while users are on the copy (and rolled back under
 * its cover when they fail), nginx pointed back. nginx is back on every path.
 */
final class Switchover {
    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final BlueGreenSettings settings;
    private final Consumer<String> phase;
    private Switch sw;

    Switchover(ComposeRun run, ComposeDeploySpec spec, Consumer<String> phase) {
        this.run = run;
        this.spec = spec;
        this.settings = spec.strategy().blueGreen();
        this.phase = phase;
    }

    /** Switches, replaces and switches back, with the copy verified; without it each check is SKIP with the reason. */
    void run(Outcome<CopyStages.Copy> verified) throws InterruptedException {
        List<String> names = new ArrayList<>(List.of(Switch.TO_NEW));
        names.addAll(replaced());
        names.add(Switch.BACK);
        Stages.from(verified).then(names, this::switchAndReplace).run(run);
    }

    /** The checks of the project's own containers: compose up, then each routed service is up. */
    private List<String> replaced() {
        List<String> names = new ArrayList<>(List.of(Replace.UP));
        settings.services().forEach(s -> names.add(Verification.upCheck(s)));
        return names;
    }

    private Outcome<CopyStages.Copy> switchAndReplace(CopyStages.Copy copy) throws InterruptedException {
        sw = new Switch(run, settings, spec.timeouts().lease(spec.verify()).plus(settings.drainTime().multipliedBy(2)));
        Map<String, int[]> redirect = new LinkedHashMap<>();
        copy.live().forEach((service, m) -> redirect.put(service, new int[] {m.published(), copy.rendered().ports().get(service)}));
        phase.accept(Switch.TO_NEW);
        try {
            Outcome<CopyStages.Copy> switched = sw.toNew(redirect) ? Outcome.of(copy)
                    : Outcome.missing("nginx was not switched: the old version keeps serving");
            Outcome<CopyStages.Copy> replaced = Stages.from(switched).then(replaced(), this::replace).run(run);
            if (!switched.present()) {
                run.skip(Switch.BACK, "nginx is as it was");
            }
            return replaced;
        } finally {
            phase.accept(Switch.BACK);
            sw.back();
            sw.release();
        }
    }

    /** Where the copy's drain counts from once this is over: when nginx last moved ({@link BlueGreen#drain}), else now. */
    long drainFrom() {
        return sw == null ? System.nanoTime() : sw.drainFrom();
    }

    /** Recreates the routed services from the user's compose file once the old containers drained, and verifies them. */
    private Outcome<CopyStages.Copy> replace(CopyStages.Copy copy) throws InterruptedException {
        BlueGreen.drain(run, settings, phase, sw.drainFrom());
        phase.accept(Replace.UP);
        ComposeProject project = copy.deploy().project();
        List<String> routed = settings.services();
        // the project's containers of before the deploy are older than its backup's listing; the ones compose up makes are newer
        Instant since = run.dryRun || copy.deploy().before() == null ? Instant.EPOCH : copy.deploy().before().now();
        int mark = run.mark();
        boolean replaced = run.wentThrough(CommandCheck.run(run, Replace.UP, project.commands().recreate(routed, false), project.flavor(), false));
        ComposeProject routedOnly = new ComposeProject(project.flavor(), project.files(), project.model(), routed, project.commands());
        if (run.dryRun) {
            routed.forEach(s -> run.skip(Verification.upCheck(s), "dry run"));
        } else if (replaced) {
            Verification v = new Verification(run, routedOnly, routedVerify(), "");
            v.logs(!v.servicesUp(since));
        } else {
            routed.forEach(s -> run.skip(Verification.upCheck(s), "compose up failed"));
        }
        if (run.failedSince(mark).isEmpty()) {
            return Outcome.of(copy);
        }
        rollBackUnderCover(copy.deploy().backup(), project.flavor());
        return Outcome.missing("the project's new containers failed");
    }

    /** The project's own containers failed after the switch: users are on the copy, so the old version comes back first. */
    private void rollBackUnderCover(Backup backup, ComposeFlavor flavor) throws InterruptedException {
        if (!spec.deploy().rollback() || backup == null) {
            run.report.warn("the project's new containers failed and " + (backup == null ? "there is no backup" : "rollback is false")
                    + ": nginx goes back to them as they are");
            return;
        }
        Outcome<Restore.From> from = run.link.ensureConnected() ? Outcome.of(new Restore.From(backup, flavor))
                : Outcome.missing(Restore.byHand(backup));
        new Restore(run, routedVerify(), "rollback: ").rollBack(from,
                b -> "the project's new containers failed: rolling back while users are on the new copy");
    }

    private VerifySettings routedVerify() {
        VerifySettings v = spec.verify();
        return new VerifySettings(settings.services(), v.waitTimeout(), v.stableFor(), v.logsTail(), v.failOnLogPattern(), v.warnOnLogPattern());
    }
}
