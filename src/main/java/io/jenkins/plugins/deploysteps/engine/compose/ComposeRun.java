package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.LockTimeoutException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a compose step on its host: the link, the checks recorded so far, and the few ways the step runs
 * commands there (quick reads, host changes, compose commands recorded as checks with their output as evidence).
 * Every command goes through sudo when the host's configuration says so.
 */
final class ComposeRun {
    /** podman-compose's report of a podman command's exit status. */
    private static final Pattern EXIT_CODE_LINE = Pattern.compile("(?m)^exit code: ([1-9]\\d*)\\s*$");
    private static final int EVIDENCE_LINES = 60;

    final RunContext ctx;
    final ReportBuilder report;
    final CheckRunner checks;
    final HostLink link;
    final ComposeTarget target;
    final ComposeTimeouts timeouts;
    final boolean dryRun;
    private final List<Check> recorded;

    ComposeRun(RunContext ctx, ReportBuilder report, HostLink link, ComposeTarget target, ComposeTimeouts timeouts, boolean dryRun) {
        this(ctx, report, link, target, timeouts, dryRun, new ArrayList<>());
    }

    private ComposeRun(RunContext ctx, ReportBuilder report, HostLink link, ComposeTarget target, ComposeTimeouts timeouts, boolean dryRun,
            List<Check> recorded) {
        this.recorded = recorded;
        this.ctx = ctx;
        this.report = report;
        this.checks = new CheckRunner(ctx, report);
        this.link = link;
        this.target = target;
        this.timeouts = timeouts;
        this.dryRun = dryRun;
    }

    /** The same run working on another project (a blue-green deploy's temporary copy); checks are kept together. */
    ComposeRun on(ComposeTarget other) {
        return new ComposeRun(ctx, report, link, other, timeouts, dryRun, recorded);
    }

    /** Records a check made elsewhere (a healthVerify check of the new copy). */
    Check record(Check c) {
        Check recordedCheck = checks.record(c);
        synchronized (recorded) {
            recorded.add(recordedCheck);
        }
        return recordedCheck;
    }

    boolean sudo() {
        return link.usesSudo();
    }

    /** Records a check and remembers it, so the step can ask what failed since a point. */
    Check check(String name, CheckRunner.Body body) throws InterruptedException {
        Check c = checks.run(name, body);
        synchronized (recorded) {
            recorded.add(c);
        }
        return c;
    }

    Check warning(String name, CheckRunner.Body body) throws InterruptedException {
        return check(name, Severity.WARNING, body);
    }

    Check check(String name, Severity severity, CheckRunner.Body body) throws InterruptedException {
        Check c = checks.run(name, severity, body);
        synchronized (recorded) {
            recorded.add(c);
        }
        return c;
    }

    /** Records a check that could not run, with why. */
    void error(String name, String why) {
        Check c = checks.record(Check.named(name).error(why));
        synchronized (recorded) {
            recorded.add(c);
        }
    }

    void skip(String name, String why) {
        Check c = checks.skip(name, why);
        synchronized (recorded) {
            recorded.add(c);
        }
    }

    /** How many checks so far: a mark for {@link #failedSince}. */
    int mark() {
        synchronized (recorded) {
            return recorded.size();
        }
    }

    /** The checks after {@code mark} that failed or could not run. */
    List<Check> failedSince(int mark) {
        synchronized (recorded) {
            return recorded.subList(mark, recorded.size()).stream().filter(c -> c.status() == Status.FAIL || c.status() == Status.ERROR).toList();
        }
    }

    /** A read-only command, bounded by {@code timeout}. */
    ExecResult read(Cmd cmd) throws TargetException, InterruptedException {
        return link.exec(RemoteCommand.of(cmd, timeouts.command()).sudo(sudo()));
    }

    /** A read-only command whose output stays out of the log (file contents, anything near a secret). */
    ExecResult readQuietly(Cmd cmd) throws TargetException, InterruptedException {
        return link.exec(RemoteCommand.of(cmd, timeouts.command()).sudo(sudo()).quiet());
    }

    /** A quick command that changes the host (a dry run prints it). */
    ExecResult change(Cmd cmd) throws TargetException, InterruptedException {
        return link.exec(RemoteCommand.of(cmd, timeouts.command()).sudo(sudo()).changesHost());
    }

    ContainerState.Snapshot states(EngineCommands commands) throws TargetException, InterruptedException {
        return states(commands, listing(commands));
    }

    /** The containers, as a poll loop sees them: the loop prints when they change, the listing itself only in verbose mode. */
    ContainerState.Snapshot pollStates(EngineCommands commands) throws TargetException, InterruptedException {
        return states(commands, listing(commands).repeated());
    }

    private RemoteCommand listing(EngineCommands commands) {
        return RemoteCommand.of(commands.containerStates(), timeouts.command()).sudo(sudo()).quiet().label("list the containers of " + target.project());
    }

    private ContainerState.Snapshot states(EngineCommands commands, RemoteCommand listing) throws TargetException, InterruptedException {
        ExecResult r = link.exec(listing);
        if (!r.succeeded()) {
            throw new CommandFailedException("listing the containers of project " + target.project() + " on " + link.name(), r);
        }
        try {
            return ContainerState.parseSnapshot(r.stdoutText());
        } catch (IllegalArgumentException e) {
            throw new TargetException("cannot read the container listing of " + commands.engine() + " on " + link.name() + ": "
                    + e.getMessage());
        }
    }

    /**
     * A compose command that changes the host, recorded as a check named {@code name}: PASS when it exits 0,
     * FAIL with its last lines otherwise; its output streams live and its tail is the check's evidence. In a dry
     * run it is printed and the check is SKIP.
     *
     * @param outputTellsFailure whether podman-compose's {@code exit code: N} lines count (build and pull)
     */
    Check compose(String name, Cmd cmd, ComposeFlavor flavor, boolean outputTellsFailure) throws InterruptedException {
        return check(name, c -> {
            ExecResult r = link.exec(RemoteCommand.of(cmd, timeouts.compose()).sudo(sudo()).changesHost().label(name));
            if (dryRun) {
                return c.skip("dry run: printed, not run");
            }
            String output = tail(r.stdoutText() + r.stderrText(), EVIDENCE_LINES);
            c.expected("exit 0").evidence("output", output).actual("exit " + r.exitCode() + " after " + Durations.human(r.duration()));
            int exit = r.exitCode();
            if (exit == 0 && outputTellsFailure && flavor.reportsFailuresInOutput()) {
                Matcher m = EXIT_CODE_LINE.matcher(r.stdoutText() + "\n" + r.stderrText());
                if (m.find()) {
                    exit = Integer.parseInt(m.group(1));
                }
            }
            if (exit != 0) {
                return c.fail(name.replaceFirst("^.*: ", "") + " failed (exit " + exit + "): " + lastLine(output));
            }
            return c.pass();
        });
    }

    static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank() && !EXIT_CODE_LINE.matcher(lines[i]).matches()) {
                return lines[i].strip();
            }
        }
        return "(no output)";
    }

    static String lockCheck(ComposeTarget target) {
        return "lock " + target.dir();
    }

    /**
     * Records {@code lock <dir>}: takes the directory's lock, waiting for another deploy up to lockTimeout (then
     * FAIL, naming the holder). Null when it was not taken.
     */
    RemoteLock.Held lock(VerifySettings verify) throws InterruptedException {
        RemoteLock.Held[] held = new RemoteLock.Held[1];
        check(lockCheck(target), c -> {
            c.expected("no other deploy to " + target.dir() + " (waits up to " + Durations.format(timeouts.lockWait()) + ")");
            try {
                held[0] = new RemoteLock(link, ctx.progress()).acquire(target.lockPath(), ctx.holder(), timeouts.lockWait(),
                        timeouts.lease(verify), sudo());
            } catch (LockTimeoutException e) {
                return c.actual("held by someone else").fail(e.getMessage());
            }
            return c.actual("held by " + ctx.holder()).pass(dryRun ? "dry run: printed, not taken" : null);
        });
        return held[0];
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
