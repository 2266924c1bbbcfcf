package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.Unexpected;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * composeDeploy after its preflight: lock the directory, check the ports under the lock, back up files and
 * images, (pull) → build → up replacing the running containers (recreate: down first), verify, and roll back when
 * anything failed once a running container may have changed. The lock is released on every path, also
 * after the connection dropped (the step reconnects to roll back and release) and in a dry run, where every
 * change is printed instead.
 */
final class Deployment {
    static final String BACKUP = "backup";
    static final String DOWN = "compose down";
    static final String BUILD = "compose build";
    static final String UP = "compose up";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final ComposeProject project;
    private DowntimeProbe probe;

    Deployment(ComposeRun run, ComposeDeploySpec spec, ComposeProject project) {
        this.run = run;
        this.spec = spec;
        this.project = project;
    }

    /** The checks a deploy records after preflight, for skipping them when preflight failed. */
    static List<String> planned(ComposeDeploySpec spec, List<String> services) {
        List<String> names = new ArrayList<>(List.of(ComposeRun.lockCheck(spec.target()), Preflight.PORTS_CHECK, BACKUP));
        DeployStrategy strategy = spec.strategy().strategy();
        if (strategy == DeployStrategy.BLUE_GREEN) {
            names.addAll(BlueGreen.planned(spec));
        } else {
            if (strategy == DeployStrategy.RECREATE) {
                names.add(DOWN);
            }
            if (spec.deploy().pull()) {
                names.add("compose pull");
            }
            names.add(BUILD);
            names.add(UP);
            if (services.isEmpty()) {
                names.add("services are up");
            } else {
                services.forEach(s -> names.add(Verification.upCheck(s)));
            }
        }
        if (spec.strategy().downtime() != null) {
            names.add(DowntimeProbe.checkName(spec.strategy().downtime()));
        }
        return names;
    }

    void run() throws InterruptedException {
        RemoteLock.Held held = run.lock(spec.verify());
        if (held == null) {
            skipAfterLock("the directory is locked by another deploy");
            return;
        }
        try {
            if (new Preflight(run, spec).portsFree(project)) {
                deploy();
            } else {
                planned(spec, project.services()).stream().skip(2).forEach(n -> run.skip(n, "preflight failed: nothing was changed"));
            }
        } finally {
            held.close();
        }
    }

    private void skipAfterLock(String why) {
        planned(spec, project.services()).stream().skip(1).forEach(n -> run.skip(n, why));
    }

    private void deploy() throws InterruptedException {
        startProbe();
        try {
            backUpAndReplace();
        } finally {
            if (probe != null) {
                probe.finish();
            } else if (spec.strategy().downtime() != null) {
                run.skip(DowntimeProbe.checkName(spec.strategy().downtime()), "dry run: nothing was measured");
            }
        }
    }

    /** The probe runs from before the first change; in a dry run nothing changes, so nothing is measured. */
    private void startProbe() throws InterruptedException {
        if (spec.strategy().downtime() != null && !run.dryRun) {
            probe = new DowntimeProbe(run, spec.strategy().downtime());
            probe.start(spec.timeouts().lease(spec.verify()));
        }
    }

    private void backUpAndReplace() throws InterruptedException {
        EngineCommands engine = new EngineCommands(project.flavor(), spec.target().project());
        RemoteBackups backups = new RemoteBackups(run.link, spec.target().backupDir(), spec.timeouts().command(), run.sudo());
        ContainerState.Snapshot[] before = new ContainerState.Snapshot[1];
        Backup[] made = new Backup[1];
        List<String> afterBackup = planned(spec, project.services()).stream().skip(3)
                .filter(n -> spec.strategy().downtime() == null || !n.equals(DowntimeProbe.checkName(spec.strategy().downtime()))).toList();
        String refused = spec.strategy().strategy() == DeployStrategy.BLUE_GREEN ? BlueGreen.refusal(spec, project) : null;
        if (refused != null) {
            run.check("strategy blue-green", c -> c.fail(refused));
            run.skip(BACKUP, "blue-green cannot deploy this project: nothing was changed");
            afterBackup.forEach(n -> run.skip(n, "blue-green cannot deploy this project: nothing was changed"));
            return;
        }
        Check backup = run.check(BACKUP, c -> backUp(engine, backups, before, made, c));
        if (backup.status() != Status.PASS && !run.dryRun) {
            afterBackup.forEach(n -> run.skip(n, "no backup: nothing was changed"));
            return;
        }
        if (spec.strategy().strategy() == DeployStrategy.BLUE_GREEN) {
            new BlueGreen(run, spec, project, probe).run(made[0], before[0]);
            return;
        }
        Instant since = before[0] == null ? Instant.EPOCH : before[0].now();
        int mark = run.mark();
        try {
            if (!changeAndVerify(since, before[0], mark, afterBackup)) {
                return;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a change may have begun: the failure is recorded and the rollback below runs as for any other failure
            run.error("deploy", "unexpected error: " + Unexpected.describe(e));
        }
        List<Check> failed = run.failedSince(mark);
        if (failed.isEmpty()) {
            return;
        }
        if (!spec.deploy().rollback()) {
            run.report.warn("the deploy failed (" + failed.get(0).name() + ") and rollback is false: the failed version was left as it is");
            return;
        }
        rollBack(made[0]);
    }

    /**
     * The strategy's down, (pull), build and up, then verification. False when nothing is left to judge or undo: a dry
     * run, or a build-first build that failed while the old containers kept serving.
     */
    private boolean changeAndVerify(Instant since, ContainerState.Snapshot before, int mark, List<String> afterBackup) throws InterruptedException {
        ComposeCommands commands = project.commands();
        List<String> selected = spec.verify().services();
        boolean recreate = spec.strategy().strategy() == DeployStrategy.RECREATE;
        boolean down = recreate && step(DOWN, commands.down(selected, spec.deploy().removeOrphans()), false);
        boolean built = (down || !recreate)
                && (!spec.deploy().pull() || step("compose pull", commands.pull(selected), true))
                && (project.builtServices().isEmpty() || step(BUILD, commands.build(project.builtServices(), spec.deploy().noCache()), true));
        if (!recreate && !built && !run.dryRun) {
            String why = "the build failed while the old containers kept serving: nothing that runs was changed";
            {
                String failedAt = run.failedSince(mark).get(0).name();
                afterBackup.subList(afterBackup.indexOf(failedAt) + 1, afterBackup.size()).forEach(n -> run.skip(n, why));
            }
            run.report.fact("rollback", "not needed: " + why);
            return false;
        }
        // build-first replaces the running containers in one up: each service is down only for its own stop and start
        boolean ok = built && step(UP, recreate ? commands.up(selected) : commands.recreate(selected, spec.deploy().removeOrphans()), false);
        if (run.dryRun) {
            project.services().forEach(s -> run.skip(Verification.upCheck(s), "dry run"));
            return false;
        }
        if (ok) {
            Verification verification = new Verification(run, project, spec.verify(), "");
            boolean up = verification.servicesUp(since);
            if (up) {
                imagesRebuilt(before, verification.last());
            }
            verification.logs(!up);
        } else {
            project.services().forEach(s -> run.skip(Verification.upCheck(s), "the deploy stopped before the services started"));
            if (built) {
                new Verification(run, project, spec.verify(), "").logs(true); // whatever started before up failed said why
            }
        }
        return true;
    }

    /** Runs one deploy command as a check; true when the next one may run (it passed, or this is a dry run). */
    private boolean step(String name, io.jenkins.plugins.deploysteps.engine.command.Cmd cmd, boolean outputTellsFailure)
            throws InterruptedException {
        if (probe != null) {
            probe.phase(name);
        }
        Status s = run.compose(name, cmd, project.flavor(), outputTellsFailure).status();
        return s == Status.PASS || s == Status.SKIP && run.dryRun;
    }

    private Check backUp(EngineCommands engine, RemoteBackups backups, ContainerState.Snapshot[] before, Backup[] made, Check.Builder c)
            throws TargetException, InterruptedException {
        before[0] = run.states(engine);
        List<ServiceImage> images = ServiceImage.of(before[0], project.services());
        List<String> paths = backupPaths();
        c.expected(paths.size() + " files and the running images, in " + spec.target().backupDir());
        Optional<Backup> created = backups.create(paths, Map.of(ServiceImage.NOTE, ServiceImage.toNote(images)));
        if (created.isEmpty()) {
            run.report.fact("backups", backups.list().stream().map(Backup::id).toList());
            return c.skip("dry run: would back up " + String.join(", ", paths) + " and keep the images of "
                    + (images.isEmpty() ? "no running service" : String.join(", ", images.stream().map(ServiceImage::service).toList())));
        }
        Backup b = created.get();
        made[0] = b;
        if (!images.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            images.forEach(i -> {
                pairs.add(i.imageId());
                pairs.add(i.backupTag(b.id()));
            });
            ExecResult tagged = run.change(engine.tag(pairs));
            if (!tagged.succeeded()) {
                return c.actual(b.id()).fail("could not keep the running images for a rollback: " + tagged.tail(2));
            }
        }
        RemoteBackups.Pruning pruning = backups.prune(spec.deploy().keepBackups());
        List<Backup> pruned = pruning.deleted();
        List<String> oldTags = new ArrayList<>();
        pruned.forEach(p -> ServiceImage.fromNote(p.note(ServiceImage.NOTE)).forEach(i -> oldTags.add(i.backupTag(p.id()))));
        if (!oldTags.isEmpty()) {
            run.change(engine.untag(oldTags));
        }
        run.report.fact("backup", b.id());
        run.report.fact("backups", pruning.kept().stream().map(Backup::id).toList());
        long files = b.entries().stream().filter(Backup.Entry::existed).count();
        c.evidence("backup " + b.folder(), String.join("\n", b.entries().stream()
                .map(e -> (e.existed() ? "file   " : "absent ") + e.path()).toList()) + "\n" + ServiceImage.toNote(images));
        return c.actual(b.id() + ": " + files + " files, images of " + (images.isEmpty() ? "no running service"
                : String.join(", ", images.stream().map(ServiceImage::service).toList()))
                + (pruned.isEmpty() ? "" : "; pruned " + String.join(", ", pruned.stream().map(Backup::id).toList()))).pass();
    }

    /** The backup paths given, else the compose files and env files, as absolute paths on the host. */
    private List<String> backupPaths() {
        Set<String> paths = new LinkedHashSet<>();
        if (spec.deploy().backupPaths().isEmpty()) {
            project.files().forEach(f -> paths.add(spec.target().resolve(f)));
            spec.preflight().envFiles().forEach(f -> paths.add(spec.target().resolve(f)));
        } else {
            spec.deploy().backupPaths().forEach(f -> paths.add(spec.target().resolve(f)));
        }
        return new ArrayList<>(paths);
    }

    /** A rebuilt service whose image id did not change was built from the same code: WARN. */
    private void imagesRebuilt(ContainerState.Snapshot before, ContainerState.Snapshot after) throws InterruptedException {
        Map<String, ServiceImage> was = new java.util.HashMap<>();
        ServiceImage.of(before, project.services()).forEach(i -> was.put(i.service(), i));
        Map<String, ServiceImage> now = new java.util.HashMap<>();
        ServiceImage.of(after, project.services()).forEach(i -> now.put(i.service(), i));
        for (String s : project.builtServices()) {
            run.warning("image of " + s + " rebuilt", c -> {
                ServiceImage old = was.get(s);
                ServiceImage fresh = now.get(s);
                if (old == null || fresh == null) {
                    return c.pass("first deploy of " + s);
                }
                c.expected("a new image (was " + Restore.shortId(old.imageId()) + ")").actual(Restore.shortId(fresh.imageId()));
                return c.verdict(!fresh.imageId().equals(old.imageId()), "image unchanged: is the code synced?");
            });
        }
    }

    void rollBack(Backup backup) throws InterruptedException {
        String prefix = "rollback: ";
        if (backup == null) {
            Restore.planned(prefix).forEach(n -> run.skip(n, "no backup to roll back to"));
            return;
        }
        if (run.link.lost() && !run.link.reconnect()) {
            Restore.planned(prefix).forEach(n -> run.skip(n, "the connection is lost and reconnecting failed: roll back by hand "
                    + "(composeRollback backup: '" + backup.id() + "')"));
            return;
        }
        run.ctx.progress().warn("[" + run.link.name() + "] the deploy failed: rolling back to backup " + backup.id());
        boolean back = new Restore(run, spec.verify(), prefix).run(backup, project.flavor());
        run.report.fact("rollback", back ? "rolled back to backup " + backup.id() : "the rollback to backup " + backup.id() + " failed too");
    }
}
