package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what users saw during a deploy: a request loop on the host ({@link DowntimeCommands}), or where the step
 * runs ({@link AgentDowntimeLoop}) with {@code from: 'agent'}, from before the
 * first change until after verification, then one check with the requests sent, how many failed and the longest
 * outage, with the deploy phase it fell in. An outage longer than maxDowntime fails the check (WARN with severity
 * warning). The figures also go into the report's facts, and so into the step's returned map.
 */
final class DowntimeProbe {
    static final String REQUESTS = "downtimeRequests";
    static final String FAILED = "downtimeFailedRequests";
    static final String LONGEST_MS = "downtimeLongestOutageMs";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private record Phase(Instant at, String name) {}

    private final ComposeRun run;
    private final DowntimeSettings settings;
    private final List<Phase> phases = new ArrayList<>();
    private String file;
    private Duration hostAhead = Duration.ZERO;
    private String startProblem;
    private AgentDowntimeLoop agent;

    DowntimeProbe(ComposeRun run, DowntimeSettings settings) {
        this.run = run;
        this.settings = settings;
    }

    static String checkName(DowntimeSettings s) {
        return "downtime " + s.url();
    }

    /** Starts the loop on the host (or here), bounded by {@code deadline}; a problem is reported by {@link #finish}. */
    void start(Duration deadline) throws InterruptedException {
        if (settings.from() == DowntimeSettings.From.AGENT) {
            startHere(deadline);
            return;
        }
        try {
            Instant sent = Instant.now();
            ExecResult r = run.link.exec(RemoteCommand.of(DowntimeCommands.start(settings, deadline), run.timeouts.command()));
            String[] out = r.stdoutText().strip().split(" ");
            if (!r.succeeded() || out.length != 3 || !out[0].equals("started")) {
                startProblem = "the probe could not start on " + run.link.name() + (r.exitCode() == DowntimeCommands.NO_CURL
                        ? ": curl is not installed there" : ": " + r.tail(1));
                return;
            }
            file = out[1];
            Instant answered = Instant.now();
            Instant agentMiddle = sent.plus(Duration.between(sent, answered).dividedBy(2));
            hostAhead = Duration.between(agentMiddle, ContainerState.epoch(out[2]));
            phase("start");
            run.ctx.progress().info("[" + run.link.name() + "] measuring downtime: " + DowntimeCommands.describe(settings));
        } catch (TargetException e) {
            startProblem = "the probe could not start: " + e.getMessage();
        }
    }

    /** The loop where the step runs: its clock is ours, so phases need no shift. */
    private void startHere(Duration deadline) throws InterruptedException {
        try {
            AgentDowntimeLoop loop = new AgentDowntimeLoop(settings);
            String unreachable = loop.start(deadline);
            if (unreachable != null) {
                startProblem = "the probe could not reach " + settings.url() + " from the agent (" + unreachable
                        + "): with from: 'host' it requests the URL on " + run.link.name();
                return;
            }
            agent = loop;
            phase("start");
            run.ctx.progress().info("measuring downtime from the agent: " + DowntimeCommands.describe(settings));
        } catch (java.security.GeneralSecurityException e) {
            startProblem = "the probe could not start: " + e.getMessage();
        }
    }

    /** Notes that a deploy phase begins now, so an outage can be told apart by when it happened. */
    void phase(String name) {
        synchronized (phases) {
            phases.add(new Phase(Instant.now().plus(hostAhead), name));
        }
    }

    /** Stops the loop and records the downtime check. */
    Check finish() throws InterruptedException {
        String name = checkName(settings);
        if (startProblem != null) {
            return run.check(name, c -> c.error(startProblem));
        }
        return run.check(name, settings.severity(), c -> {
            c.expected(settings.maxDowntime() == null ? "measured: requests every " + Durations.format(settings.interval())
                    : "no outage longer than " + Durations.format(settings.maxDowntime()) + " (maxDowntime)");
            if (agent != null) {
                return judge(agent.stop(), c);
            }
            if (!run.link.ensureConnected()) {
                return c.error("the connection is lost: the probe on the host stops by itself at its deadline");
            }
            ExecResult r = run.link.exec(RemoteCommand.of(DowntimeCommands.stop(file, settings.requestTimeout()),
                    run.timeouts.command().plus(settings.requestTimeout())).quiet());
            if (!r.succeeded()) {
                return c.error("could not read what the probe measured: " + r.tail(1));
            }
            DowntimeSamples samples = DowntimeSamples.parse(r.stdoutText(), settings.expect());
            return judge(samples, c);
        });
    }

    private Check judge(DowntimeSamples samples, Check.Builder c) {
        DowntimeSamples.Outage longest = samples.longest();
        long longestMs = longest == null ? 0 : longest.length().toMillis();
        run.report.fact(REQUESTS, samples.sent());
        run.report.fact(FAILED, samples.failed());
        run.report.fact(LONGEST_MS, longestMs);
        c.evidence("requests", samples.sent() + " requests (" + samples.statusCounts() + ")\n" + outages(samples));
        if (samples.sent() == 0) {
            return c.actual("no request was made").error("the probe made no request: was it stopped at once?");
        }
        String summary = samples.sent() + " requests, " + samples.failed() + " failed" + (longest == null ? ""
                : ", longest outage " + Durations.human(longest.length()) + " at " + TIME.format(longest.from()) + " (" + phaseAt(longest.from()) + ")"
                + (longest.ongoing() ? ", still down when the probe stopped" : ""));
        c.actual(summary);
        if (settings.maxDowntime() != null && longest != null && longest.length().compareTo(settings.maxDowntime()) > 0) {
            return c.fail("users saw an outage of " + Durations.human(longest.length()) + " (" + phaseAt(longest.from()) + "), over maxDowntime "
                    + Durations.format(settings.maxDowntime()));
        }
        return c.pass(summary);
    }

    private String outages(DowntimeSamples samples) {
        StringBuilder b = new StringBuilder();
        for (DowntimeSamples.Outage o : samples.outages()) {
            b.append(TIME.format(o.from())).append(" for ").append(Durations.human(o.length())).append(", ").append(o.failed())
                    .append(" failed requests, during ").append(phaseAt(o.from())).append(o.ongoing() ? " (still down at the end)" : "").append('\n');
        }
        return b.isEmpty() ? "no outage" : b.toString().strip();
    }

    private String phaseAt(Instant at) {
        String current = "the start";
        synchronized (phases) {
            for (Phase p : phases) {
                if (!p.at().isAfter(at)) {
                    current = p.name();
                }
            }
        }
        return current;
    }
}
