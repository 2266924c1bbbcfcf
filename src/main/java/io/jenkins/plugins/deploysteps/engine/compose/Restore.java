package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a backed-up version back: its files byte for byte, its images under their references, its
 * containers recreated from them (without building), then verified like a deploy. composeDeploy's automatic
 * rollback and composeRollback both come here.
 */
record Restore(ComposeRun run, VerifySettings verify, String prefix) {
    static final String FILES = "restore files";
    static final String IMAGES = "restore images";
    static final String FORCED_DOWN = "remove containers";

    /** The checks a restore records, for skipping them when it cannot start. */
    static List<String> planned(String prefix) {
        return List.of(prefix + FILES, prefix + IMAGES, prefix + "compose down", prefix + "compose up");
    }

    /** Records the restore's checks; true when the backed-up version is back and verified (or nothing ran before). */
    boolean run(Backup backup, ComposeFlavor flavor) throws InterruptedException {
        return run(backup, flavor, null);
    }

    /** The same, with the files left as they are when {@code filesBackBy} says what already brought them back. */
    boolean run(Backup backup, ComposeFlavor flavor, String filesBackBy) throws InterruptedException {
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
        EngineCommands engine = new EngineCommands(flavor, run.target.project());
        if (images.isEmpty()) {
            run.skip(prefix + IMAGES, "no container of the project ran when backup " + backup.id() + " was made");
        } else {
            run.check(prefix + IMAGES, c -> tagBack(engine, images, c));
        }
        ProjectChecks.Files files = ProjectChecks.files(run, verify.services(), prefix + ProjectChecks.filesCheck(run.target));
        if (files == null) {
            List.of("compose down", "compose up").forEach(n -> run.skip(prefix + n, "the restored compose files could not be read"));
            return false;
        }
        ComposeProject project = new ComposeProject(flavor, files.names(), files.model(), files.services(),
                new ComposeCommands(flavor, run.target.dir(), run.target.project(), files.names()));
        Instant since;
        try {
            since = run.states(engine).now();
        } catch (TargetException e) {
            run.check(prefix + "compose down", c -> c.error(e.getMessage()));
            return false;
        }
        boolean downForced = run.compose(prefix + "compose down", project.commands().down(verify.services(), true), flavor, false).status() == Status.FAIL
                && forceDown(engine);
        if (images.isEmpty()) {
            run.skip(prefix + "compose up", "nothing ran before: the project stays down");
            return run.failedSince(mark).isEmpty();
        }
        Check up = run.compose(prefix + "compose up", project.commands().up(verify.services()), flavor, false);
        Verification verification = new Verification(run, project, verify, prefix);
        if (run.dryRun) {
            project.services().forEach(s -> run.skip(prefix + Verification.upCheck(s), "dry run"));
            return true;
        }
        boolean verified = up.status() == Status.PASS && verification.servicesUp(since);
        if (up.status() != Status.PASS) {
            project.services().forEach(s -> run.skip(prefix + Verification.upCheck(s), "compose up failed"));
        }
        verification.logs(!verified);
        // a down that failed but whose containers were then removed did not keep the previous version from coming back
        return run.failedSince(mark).stream().allMatch(c -> downForced && c.name().equals(prefix + "compose down"));
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
