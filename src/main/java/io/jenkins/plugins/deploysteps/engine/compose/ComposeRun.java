package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Recorder;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a compose step on its host: the link, the checks recorded so far, and the few ways the step runs
 * commands there (quick reads, host changes, checks that are remembered so the step can ask what failed since a
 * point). Every command goes through sudo when the host's configuration says so.
 */
final class ComposeRun implements Recorder {
    final RunContext ctx;
    final ReportBuilder report;
    final CheckRunner checks;
    final HostLink link;
    final ComposeTarget target;
    final ComposeTimeouts timeouts;
    final boolean dryRun;
    private final List<Check> recorded;

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

    /**
     * Records {@code connect to <host>}: the run of a compose step on its project, connected or not ({@link #connection()}).
     *
     * @param dryRunNote said in the report when the step is a dry run on a host it reached
     */
    static ComposeRun connect(RunContext ctx, ReportBuilder report, ComposeSpec spec, String dryRunNote) throws InterruptedException {
        Target connected = Connect.connect(ctx, report, "host", spec.target().host());
        HostLink link = connected == null ? null : new HostLink(ctx, report, spec.target().host(), connected, spec.dryRun());
        if (link != null && spec.dryRun()) {
            report.warn(dryRunNote);
        }
        return new ComposeRun(ctx, report, link, spec.target(), spec.timeouts(), spec.dryRun(), new ArrayList<>());
    }

    /** The host, for the first stage: missing when the step could not connect. */
    Outcome<HostLink> connection() {
        return link == null ? Outcome.missing("not connected") : Outcome.of(link);
    }

    /** The same run working on another project (a blue-green deploy's temporary copy); checks are kept together. */
    ComposeRun on(ComposeTarget other) {
        return new ComposeRun(ctx, report, link, other, timeouts, dryRun, recorded);
    }

    boolean sudo() {
        return link.usesSudo();
    }

    /** Records a check made elsewhere (a healthVerify check of the new copy). */
    Check record(Check c) {
        return remember(checks.record(c));
    }

    /** Where another step's checks made as part of this one go ({@code new copy: } ones): remembered as this run's own. */
    CheckRunner part(String prefix) {
        return checks.part(prefix, this::remember);
    }

    /** Records a check and remembers it, so the step can ask what failed since a point. */
    Check check(String name, CheckRunner.Body body) throws InterruptedException {
        return remember(checks.run(name, body));
    }

    Check warning(String name, CheckRunner.Body body) throws InterruptedException {
        return check(name, Severity.WARNING, body);
    }

    Check check(String name, Severity severity, CheckRunner.Body body) throws InterruptedException {
        return remember(checks.run(name, severity, body));
    }

    @Override
    public <T> Checked<T> produce(String name, CheckRunner.Producer<T> body) throws InterruptedException {
        Checked<T> c = checks.produce(name, body);
        remember(c.check());
        return c;
    }

    /** Records a check that could not run, with why. */
    void error(String name, String why) {
        remember(checks.record(Check.named(name).error(why)));
    }

    @Override
    public Check skip(String name, String why) {
        return remember(checks.skip(name, why));
    }

    private Check remember(Check c) {
        synchronized (recorded) {
            recorded.add(c);
        }
        return c;
    }

    /** Passed, or printed instead of run in a dry run: the stages after it go on. */
    boolean wentThrough(Check c) {
        return c.status() == Status.PASS || c.status() == Status.SKIP && dryRun;
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

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
