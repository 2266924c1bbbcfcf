package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Brings a backed-up version back: its files byte for byte, its images under their references, its
 * containers recreated from them (without building), then verified like a deploy. composeDeploy's automatic
 * rollback and composeRollback both come here.
 */
record Restore(ComposeRun run, VerifySettings verify, String prefix) {
    static final String FILES = "restore files";
    static final String IMAGES = "restore images";
    static final String DOWN = "compose down";
    static final String UP = "compose up";
    static final String FORCED_DOWN = "remove containers";

    /** A backed-up version and the compose command that brings it back. */
    record From(Backup backup, ComposeFlavor flavor) {}

    /** The checks every restore records, for skipping them when it cannot start. */
    static List<String> planned(String prefix) {
        return List.of(prefix + FILES, prefix + IMAGES, prefix + DOWN, prefix + UP);
    }

    /** What to say when a deploy's rollback cannot reach the host: how to roll back by hand. */
    static String byHand(Backup backup) {
        return "the connection is lost and reconnecting failed: roll back by hand (composeRollback backup: '" + backup.id() + "')";
    }

    /**
     * The restore as a stage: records its checks, or, without a version to bring back, each of {@link #planned} as SKIP
     * with the reason. True when the backed-up version is back and verified (or nothing ran before).
     *
     * @param filesBackBy what already brought the files back (they are left as they are), or null
     */
    boolean run(Outcome<From> from, String filesBackBy) throws InterruptedException {
        return Stages.from(from).then(planned(prefix), f -> restore(f, filesBackBy)).run(run).present();
    }

    /**
     * A deploy's own rollback to {@code from}, said in the log ({@code saying} what went wrong) when it can run; the
     * report's {@code rollback} fact says how it went.
     */
    void rollBack(Outcome<From> from, Function<Backup, String> saying) throws InterruptedException {
        if (from.present()) {
            run.ctx.progress().warn("[" + run.link.name() + "] " + saying.apply(from.value().backup()));
        }
        boolean back = run(from, null);
        if (from.present()) {
            String id = from.value().backup().id();
            run.report.fact("rollback", back ? "rolled back to backup " + id : "the rollback to backup " + id + " failed too");
        }
    }

    private Outcome<From> restore(From from, String filesBackBy) throws InterruptedException {
        Backup backup = from.backup();
        int mark = run.mark();
        RemoteBackups backups = new RemoteBackups(run.link, run.target.backupDir(), run.timeouts.command(), run.sudo());
        if (filesBackBy != null) {
            run.skip(prefix + FILES, filesBackBy);
        } else {
            run.check(prefix + FILES, c -> {
                c.expected("the files of backup " + backup.id() + " back, byte for byte");
                List<String> done = backups.restore(backup);
                if (run.dryRun) {
                    return c.skip("dry run: printed, not run");
                }
                return c.actual(done.size() + " paths").evidence("paths", String.join("\n", done)).pass();
            });
        }
        List<ServiceImage> images = ServiceImage.fromNote(backup.note(ServiceImage.NOTE));
        EngineCommands engine = new EngineCommands(from.flavor(), run.target.project());
        if (images.isEmpty()) {
            run.skip(prefix + IMAGES, "no container of the project ran when backup " + backup.id() + " was made");
        } else {
            run.check(prefix + IMAGES, c -> tagBack(engine, images, c));
        }
        Outcome<ComposeProject> project = run.produce(prefix + ProjectChecks.filesCheck(run.target),
                        c -> ProjectChecks.files(run, verify.services(), c))
                .outcome("the restored compose files could not be read")
                .map(f -> new ComposeProject(from.flavor(), f.names(), f.model(), f.services(),
                        new ComposeCommands(from.flavor(), run.target.dir(), run.target.project(), f.names())));
        boolean back = Stages.from(project).then(List.of(prefix + DOWN, prefix + UP), p -> downAndUp(p, engine, images, mark)).run(run).present();
        return back ? Outcome.of(from) : Outcome.missing("the restore failed");
    }

    /** Down, then up from the restored files and images, verified; the project stays down when nothing ran before. */
    private Outcome<ComposeProject> downAndUp(ComposeProject project, EngineCommands engine, List<ServiceImage> images, int mark)
            throws InterruptedException {
        Instant since;
        try {
            since = run.states(engine).now();
        } catch (TargetException e) {
            run.check(prefix + DOWN, c -> c.error(e.getMessage()));
            return Outcome.missing(e.getMessage());
        }
        boolean downForced = CommandCheck.run(run, prefix + DOWN, project.commands().down(verify.services(), true), project.flavor(), false)
                .status() == Status.FAIL && forceDown(engine);
        if (images.isEmpty()) {
            run.skip(prefix + UP, "nothing ran before: the project stays down");
            return held(run.failedSince(mark).isEmpty(), project);
        }
        Check up = CommandCheck.run(run, prefix + UP, project.commands().up(verify.services()), project.flavor(), false);
        Verification verification = new Verification(run, project, verify, prefix);
        if (run.dryRun) {
            project.services().forEach(s -> run.skip(prefix + Verification.upCheck(s), "dry run"));
            return Outcome.of(project);
        }
        boolean verified = up.status() == Status.PASS && verification.servicesUp(since);
        if (up.status() != Status.PASS) {
            project.services().forEach(s -> run.skip(prefix + Verification.upCheck(s), "compose up failed"));
        }
        verification.logs(!verified);
        // a down that failed but whose containers were then removed did not keep the previous version from coming back
        return held(run.failedSince(mark).stream().allMatch(c -> downForced && c.name().equals(prefix + DOWN)), project);
    }

    private static Outcome<ComposeProject> held(boolean back, ComposeProject project) {
        return back ? Outcome.of(project) : Outcome.missing("the restored version did not come back");
    }

    /**
     * After a failed {@code compose down}: stops and removes the project's containers, so the previous version's
     * {@code up} is always attempted on a clean slate. The failed down stays in the report.
     */
    private boolean forceDown(EngineCommands engine) throws InterruptedException {
        return run.check(prefix + FORCED_DOWN, c -> {
            ExecResult r = run.change(engine.removeContainers());
            c.expected("no container of " + run.target.project() + " left").evidence("output", r.stdoutText() + r.stderrText());
            return r.succeeded() ? c.actual("removed").pass() : c.fail("could not remove the containers (exit " + r.exitCode() + "): " + r.tail(2));
        }).status() == Status.PASS;
    }

    private Check tagBack(EngineCommands engine, List<ServiceImage> images, Check.Builder c) throws TargetException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (ServiceImage i : images) {
            pairs.add(i.imageId());
            pairs.add(i.ref());
            shown.add(i.service() + ": " + i.ref() + " = " + shortId(i.imageId()));
        }
        c.expected(String.join(", ", shown));
        ExecResult r = run.change(engine.tag(pairs));
        if (run.dryRun) {
            return c.skip("dry run: printed, not run");
        }
        if (!r.succeeded()) {
            return c.fail("could not point the images back (were they removed?): " + r.tail(2));
        }
        return c.actual(String.join(", ", shown)).pass();
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
