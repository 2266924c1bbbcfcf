package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.BoundedMatch;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After compose up (of a deploy or a rollback): waits until every service is up or cannot come up, records
 * one check per service, then keeps each service's recent log in the report and scans it for the patterns.
 */
final class Verification {
    static final Duration POLL = Duration.ofMillis(250);

    private final ComposeRun run;
    private final ComposeProject project;
    private final VerifySettings verify;
    private final String prefix;
    private ContainerState.Snapshot last;

    /** @param prefix put before every check name ({@code "rollback: "}), or empty */
    Verification(ComposeRun run, ComposeProject project, VerifySettings verify, String prefix) {
        this.run = run;
        this.project = project;
        this.verify = verify;
        this.prefix = prefix;
    }

    static String upCheck(String service) {
        return "service " + service + " is up";
    }

    static String logsCheck(String service) {
        return "logs of " + service;
    }

    /** Records {@code service <s> is up} for each service; true when all are. */
    boolean servicesUp(Instant since) throws InterruptedException {
        EngineCommands engine = new EngineCommands(project.flavor(), run.target.project());
        long started = System.nanoTime();
        long deadline = started + verify.waitTimeout().toNanos();
        Map<String, ServiceHealth> health = new LinkedHashMap<>();
        String shown = null;
        try {
            while (true) {
                last = run.pollStates(engine);
                health.clear();
                for (String s : project.services()) {
                    health.put(s, ServiceHealth.judge(last.of(s), since, last.now(), verify.stableFor()));
                }
                boolean settled = health.values().stream().allMatch(h -> h.kind() == ServiceHealth.Kind.UP)
                        || health.values().stream().anyMatch(h -> h.kind() == ServiceHealth.Kind.FAILED);
                if (settled || System.nanoTime() >= deadline) {
                    break;
                }
                String waiting = waitingFor(health);
                if (!waiting.equals(shown)) {
                    run.ctx.progress().info("[" + run.link.name() + "] waiting for " + waiting);
                    shown = waiting;
                }
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (TargetException e) {
            for (String s : project.services()) {
                run.check(prefix + upCheck(s), c -> c.expected(expected()).error(e.getMessage()));
            }
            return false;
        }
        Duration waited = ComposeRun.since(started);
        ContainerState.Snapshot judged = last;
        String failed = health.entrySet().stream().filter(e -> e.getValue().kind() == ServiceHealth.Kind.FAILED).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        boolean allUp = true;
        for (String s : project.services()) {
            ServiceHealth h = health.get(s);
            allUp &= h.kind() == ServiceHealth.Kind.UP;
            run.check(prefix + upCheck(s), c -> {
                c.expected(expected()).duration(waited).actual(h.detail()).evidence("containers", describe(judged.of(s)));
                return switch (h.kind()) {
                    case UP -> c.pass();
                    case FAILED -> c.fail(h.detail());
                    case WAITING -> failed != null ? c.skip("not judged: verification stopped when " + failed + " failed")
                            : c.fail("not up after " + Durations.format(verify.waitTimeout()) + " (waitTimeout): " + h.detail());
                };
            });
        }
        return allUp;
    }

    /** Records {@code image of <s> rebuilt} per built service: one whose image id did not change was built from the same code (WARN). */
    void imagesRebuilt(ContainerState.Snapshot before) throws InterruptedException {
        Map<String, ServiceImage> was = new HashMap<>();
        ServiceImage.of(before, project.services()).forEach(i -> was.put(i.service(), i));
        Map<String, ServiceImage> now = new HashMap<>();
        ServiceImage.of(last, project.services()).forEach(i -> now.put(i.service(), i));
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

    private String expected() {
        return "running, healthy where checked, new, stable for " + Durations.format(verify.stableFor());
    }

    private static String waitingFor(Map<String, ServiceHealth> health) {
        StringBuilder b = new StringBuilder();
        health.forEach((s, h) -> {
            if (h.kind() != ServiceHealth.Kind.UP) {
                b.append(b.isEmpty() ? "" : "; ").append(s).append(": ").append(h.detail().replaceFirst(" running for .*", " settling"));
            }
        });
        return b.toString();
    }

    private static String describe(List<ContainerState> containers) {
        StringBuilder b = new StringBuilder();
        for (ContainerState c : containers) {
            b.append(c.name()).append(' ').append(c.shortId()).append(": ").append(c.status())
                    .append(c.health().isEmpty() ? "" : " (" + c.health() + ")")
                    .append(c.restartCount() > 0 ? ", restarted " + c.restartCount() + " times" : "")
                    .append(c.status().equals("exited") ? ", exit code " + c.exitCode() : "")
                    .append(", created ").append(c.created()).append(", image ").append(c.imageRef()).append(' ')
                    .append(c.imageId().length() > 12 ? c.imageId().substring(0, 12) : c.imageId()).append('\n');
        }
        return b.isEmpty() ? "no containers" : b.toString();
    }

    /**
     * Records {@code logs of <s>} for each service: the last {@code logsTail} lines as evidence (at least
     * {@link VerifySettings#FAILURE_TAIL} after a failure, even with {@code logsTail: 0}), FAIL on a
     * failOnLogPattern line, WARN on a warnOnLogPattern line.
     */
    void logs(boolean afterFailure) throws InterruptedException {
        int tail = afterFailure ? Math.max(verify.logsTail(), VerifySettings.FAILURE_TAIL) : verify.logsTail();
        if (tail == 0) {
            return;
        }
        for (String s : project.services()) {
            if (run.link.lost()) {
                run.skip(prefix + logsCheck(s), "the connection is lost");
                continue;
            }
            run.check(prefix + logsCheck(s), c -> {
                ExecResult r = run.link.exec(RemoteCommand.of(project.commands().logs(s, tail), run.timeouts.command()).sudo(run.sudo())
                        .label("read the last " + tail + " log lines of " + s));
                String text = (r.stdoutText() + r.stderrText()).strip();
                c.evidence("last " + tail + " lines", text);
                if (!r.succeeded()) {
                    return c.error("compose logs failed (exit " + r.exitCode() + "): " + r.tail(1));
                }
                long lines = text.isEmpty() ? 0 : text.split("\n").length;
                c.actual(lines + " lines");
                for (Pattern p : verify.failOnLogPattern()) {
                    Optional<String> hit = firstMatch(p, text, "failOnLogPattern");
                    if (hit.isPresent()) {
                        return c.expected("no line matching " + p.pattern()).fail("log line matches failOnLogPattern '" + p.pattern() + "': " + hit.get());
                    }
                }
                for (Pattern p : verify.warnOnLogPattern()) {
                    Optional<String> hit = firstMatch(p, text, "warnOnLogPattern");
                    if (hit.isPresent()) {
                        return c.expected("no line matching " + p.pattern()).warn("log line matches warnOnLogPattern '" + p.pattern() + "': " + hit.get());
                    }
                }
                return c.pass();
            });
        }
    }

    /** @throws BoundedMatch.TooCostly naming the parameter, so the check is an ERROR that says which pattern to fix */
    private static Optional<String> firstMatch(Pattern p, String text, String parameter) {
        try {
            return BoundedMatch.firstLine(p, text);
        } catch (BoundedMatch.TooCostly e) {
            throw new BoundedMatch.TooCostly(parameter, e);
        }
    }
}
