package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both container CLIs' descriptions of a container (lines as they printed them here), and the judgement of a service from them. */
class ContainerStateTest {
    private static final String DOCKER = "854e04dcefa58e7b44bbc543e4c92358b6072c1040479469dd7bdcc924996f3e|/cxs_web_1|web|running|false|0|healthy"
            + "|2026-11-26T05:21:39.581965954Z|2026-11-26T05:21:40.800963292Z|0|sha256:8b65ce2b56585870f061734cf5d8ce0458f80706c6f82fbb70dbc6894639088b"
            + "|docker.io/library/cxs_web:latest|{\"8080/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"18085\"}]}";
    private static final String PODMAN = "7ddbf5515cd575e4ab883e7f3742884495a563f7ee8c48afea4cef78970de988|cxs_plain_1|plain|exited|false|0|"
            + "|2026-11-26 05:21:39.574320412 +0000 UTC|2026-11-26 05:21:40.820073124 +0000 UTC|3|8b65ce2b56585870f061734cf5d8ce0458f80706c6f82fbb70dbc6894639088b"
            + "|localhost/cxs_plain:latest|{}";

    @Test
    void readsTheDockerAndThePodmanForms() {
        ContainerState d = ContainerState.parse(DOCKER);
        assertThat(d.name()).isEqualTo("cxs_web_1");
        assertThat(d.service()).isEqualTo("web");
        assertThat(d.running()).isTrue();
        assertThat(d.health()).isEqualTo("healthy");
        assertThat(d.created()).isEqualTo(Instant.parse("2026-11-26T05:21:39.581965954Z"));
        assertThat(d.imageId()).isEqualTo("8b65ce2b56585870f061734cf5d8ce0458f80706c6f82fbb70dbc6894639088b");
        assertThat(d.hostPorts()).containsExactly("18085/tcp");

        ContainerState p = ContainerState.parse(PODMAN);
        assertThat(p.name()).isEqualTo("cxs_plain_1");
        assertThat(p.running()).isFalse();
        assertThat(p.exitCode()).isEqualTo(3);
        assertThat(p.health()).isEmpty();
        assertThat(p.started()).isEqualTo(Instant.parse("2026-11-26T05:21:40.820073124Z"));
        assertThat(p.imageId()).isEqualTo(d.imageId());
        assertThat(p.hostPorts()).isEmpty();
    }

    @Test
    void aSnapshotHasTheHostsClock() {
        ContainerState.Snapshot s = ContainerState.parseSnapshot("now 1795670499123456789\n" + DOCKER + "\n" + PODMAN + "\n");
        assertThat(s.now()).isEqualTo(Instant.ofEpochSecond(1795670499L, 123456789));
        assertThat(s.of("web")).hasSize(1);
        assertThat(s.of("nope")).isEmpty();
        assertThat(ContainerState.epoch("1795670499N")).isEqualTo(Instant.ofEpochSecond(1795670499L));
        assertThat(ContainerState.time("2026-01-01 12:00:00 +0200 CEST")).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void aServiceIsUpOnlyWhenEveryContainerIsNewRunningHealthyAndStable() {
        Instant since = Instant.parse("2026-11-26T05:21:00Z");
        Instant now = Instant.parse("2026-11-26T05:21:50Z");
        ContainerState healthy = ContainerState.parse(DOCKER);
        assertThat(ServiceHealth.judge(List.of(healthy), since, now, Duration.ofSeconds(5)))
                .isEqualTo(new ServiceHealth(ServiceHealth.Kind.UP, "cxs_web_1 running, healthy"));
        assertThat(ServiceHealth.judge(List.of(healthy), since, Instant.parse("2026-11-26T05:21:42Z"), Duration.ofSeconds(5)).kind())
                .as("not stable long enough yet").isEqualTo(ServiceHealth.Kind.WAITING);
        assertThat(ServiceHealth.judge(List.of(healthy), Instant.parse("2026-11-26T05:21:45Z"), now, Duration.ofSeconds(5)).detail())
                .as("older than the deploy").contains("was created before this deploy began");
        assertThat(ServiceHealth.judge(List.of(), since, now, Duration.ZERO)).isEqualTo(new ServiceHealth(ServiceHealth.Kind.WAITING, "no container"));
        assertThat(ServiceHealth.judge(List.of(ContainerState.parse(PODMAN)), since, now, Duration.ZERO))
                .isEqualTo(new ServiceHealth(ServiceHealth.Kind.FAILED, "cxs_plain_1 exited with code 3"));
        assertThat(ServiceHealth.judge(List.of(healthy, ContainerState.parse(DOCKER.replace("|healthy|", "|unhealthy|").replace("cxs_web_1", "cxs_web_2"))),
                since, now, Duration.ZERO)).isEqualTo(new ServiceHealth(ServiceHealth.Kind.FAILED, "cxs_web_2 is unhealthy"));
        assertThat(ServiceHealth.judge(List.of(ContainerState.parse(DOCKER.replace("|healthy|", "|starting|"))), since, now, Duration.ZERO))
                .isEqualTo(new ServiceHealth(ServiceHealth.Kind.WAITING, "cxs_web_1 health: starting"));
        assertThat(ServiceHealth.judge(List.of(ContainerState.parse(DOCKER.replace("|running|false|0|", "|running|false|2|"))), since, now, Duration.ZERO))
                .isEqualTo(new ServiceHealth(ServiceHealth.Kind.FAILED, "cxs_web_1 keeps restarting (restarted 2 times, last exit code 0)"));
        assertThat(ServiceHealth.judge(List.of(ContainerState.parse(DOCKER.replace("|running|false|", "|created|false|"))), since, now, Duration.ZERO))
                .isEqualTo(new ServiceHealth(ServiceHealth.Kind.WAITING, "cxs_web_1 is created"));
    }
}
