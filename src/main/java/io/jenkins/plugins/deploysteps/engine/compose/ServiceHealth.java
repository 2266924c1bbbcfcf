package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether one service is up after a deploy, judged from its containers: every one running, not restarting,
 * healthy where it has a healthcheck, created after the deploy began, and running for at least
 * {@code stableFor} (a container that dies a second after it started must not pass for up). A judgement
 * is final when the service is up or cannot come up any more (exited, restarting, unhealthy).
 */
record ServiceHealth(Kind kind, String detail) {
    enum Kind {
        UP,
        WAITING,
        FAILED
    }

    static ServiceHealth judge(List<ContainerState> containers, Instant since, Instant now, Duration stableFor) {
        if (containers.isEmpty()) {
            return new ServiceHealth(Kind.WAITING, "no container");
        }
        ServiceHealth waiting = null;
        for (ContainerState c : containers) {
            ServiceHealth h = judge(c, since, now, stableFor);
            if (h.kind == Kind.FAILED) {
                return h;
            }
            if (h.kind == Kind.WAITING && waiting == null) {
                waiting = h;
            }
        }
        if (waiting != null) {
            return waiting;
        }
        ContainerState first = containers.get(0);
        String health = first.health().isEmpty() ? "no healthcheck" : first.health();
        return new ServiceHealth(Kind.UP, containers.size() == 1 ? first.name() + " running, " + health
                : containers.size() + " containers running, " + health);
    }

    private static ServiceHealth judge(ContainerState c, Instant since, Instant now, Duration stableFor) {
        if (c.created().isBefore(since)) {
            return new ServiceHealth(Kind.WAITING, c.name() + " was created before this deploy began (" + c.created() + "), not recreated");
        }
        if (c.restarting() || c.restartCount() > 0) {
            return new ServiceHealth(Kind.FAILED, c.name() + " keeps restarting (restarted " + c.restartCount() + " times, last exit code "
                    + c.exitCode() + ")");
        }
        if (c.status().equals("exited") || c.status().equals("dead")) {
            return new ServiceHealth(Kind.FAILED, c.name() + " exited with code " + c.exitCode());
        }
        if (!c.status().equals("running")) {
            return new ServiceHealth(Kind.WAITING, c.name() + " is " + c.status());
        }
        if (c.health().equals("unhealthy")) {
            return new ServiceHealth(Kind.FAILED, c.name() + " is unhealthy");
        }
        if (c.health().equals("starting")) {
            return new ServiceHealth(Kind.WAITING, c.name() + " health: starting");
        }
        Duration up = Duration.between(c.started(), now);
        if (up.compareTo(stableFor) < 0) {
            return new ServiceHealth(Kind.WAITING, c.name() + " running for " + Durations.human(up.isNegative() ? Duration.ZERO : up)
                    + " (stableFor " + Durations.format(stableFor) + ")");
        }
        return new ServiceHealth(Kind.UP, c.name());
    }
}
