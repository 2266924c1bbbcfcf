package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * composeDeploy's {@code backup}: the files the deploy may change and the images running now (tagged, so a rollback
 * finds them after the build replaced them), with the oldest backups beyond keepBackups pruned.
 */
final class DeployBackup {
    static final String CHECK = "backup";

    /** The project being deployed and what it can go back to: its containers as they were, and the backup (none in a dry run). */
    record Saved(ComposeProject project, ContainerState.Snapshot before, Backup backup) {}

    private final ComposeRun run;
    private final ComposeDeploySpec spec;
    private final ContainerState.Snapshot seen;

    /** @param seen the project's containers as listed under the deploy lock already, or null to list them */
    DeployBackup(ComposeRun run, ComposeDeploySpec spec, ContainerState.Snapshot seen) {
        this.run = run;
        this.spec = spec;
        this.seen = seen;
    }

    /** Records {@code backup}; without one nothing may change, except in a dry run, where nothing does. */
    Outcome<Saved> take(ComposeProject project) throws InterruptedException {
        Checked<Saved> made = run.produce(CHECK, c -> backUp(project, c));
        if (made.check().status() != Status.PASS && !run.dryRun) {
            return Outcome.missing("no backup: nothing was changed");
        }
        return Outcome.of(made.value() == null ? new Saved(project, null, null) : made.value());
    }

    private Checked<Saved> backUp(ComposeProject project, Check.Builder c) throws TargetException, InterruptedException {
        EngineCommands engine = new EngineCommands(project.flavor(), spec.target().project());
        RemoteBackups backups = new RemoteBackups(run.link, spec.target().backupDir(), spec.timeouts().command(), run.sudo());
        ContainerState.Snapshot before = seen != null ? seen : run.states(engine);
        List<ServiceImage> images = ServiceImage.of(before, project.services());
        List<String> paths = paths(project);
        c.expected(paths.size() + " files and the running images, in " + spec.target().backupDir());
        Optional<Backup> created = backups.create(paths, Map.of(ServiceImage.NOTE, ServiceImage.toNote(images)));
        if (created.isEmpty()) {
            run.report.fact("backups", backups.list().stream().map(Backup::id).toList());
            return Checked.of(c.skip("dry run: would back up " + String.join(", ", paths) + " and keep the images of "
                    + (images.isEmpty() ? "no running service" : String.join(", ", images.stream().map(ServiceImage::service).toList()))),
                    new Saved(project, before, null));
        }
        Backup b = created.get();
        if (!images.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            images.forEach(i -> {
                pairs.add(i.imageId());
                pairs.add(i.backupTag(b.id()));
            });
            ExecResult tagged = run.change(engine.tag(pairs));
            if (!tagged.succeeded()) {
                return Checked.without(c.actual(b.id()).fail("could not keep the running images for a rollback: " + tagged.tail(2)));
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
        return Checked.of(c.actual(b.id() + ": " + files + " files, images of " + (images.isEmpty() ? "no running service"
                : String.join(", ", images.stream().map(ServiceImage::service).toList()))
                + (pruned.isEmpty() ? "" : "; pruned " + String.join(", ", pruned.stream().map(Backup::id).toList()))).pass(),
                new Saved(project, before, b));
    }

    /** The backup paths given, else the compose files and env files, as absolute paths on the host. */
    private List<String> paths(ComposeProject project) {
        Set<String> paths = new LinkedHashSet<>();
        if (spec.deploy().backupPaths().isEmpty()) {
            project.files().forEach(f -> paths.add(spec.target().resolve(f)));
            spec.preflight().envFiles().forEach(f -> paths.add(spec.target().resolve(f)));
        } else {
            spec.deploy().backupPaths().forEach(f -> paths.add(spec.target().resolve(f)));
        }
        return new ArrayList<>(paths);
    }
}
