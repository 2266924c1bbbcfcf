package io.jenkins.plugins.deploysteps.engine.hostcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostCheckBindTest {
    private final HostCheck step = new HostCheck();

    @Test
    void bindsEveryParameter() {
        HostCheckSpec s = step.bind(Params.of(Map.of("host", "prod-1", "paths", List.of("/", "/var/lib/docker"),
                "minFreeDisk", "2GB", "minFreeMemory", "256MB", "maxLoad", 4, "requireCommands", List.of("docker", "nginx"),
                "timeout", "10s", "onFailure", "UNSTABLE", "reportName", "pre-deploy", "archive", false)));
        assertThat(s.host()).isEqualTo("prod-1");
        assertThat(s.paths()).containsExactly("/", "/var/lib/docker");
        assertThat(s.minFreeDisk().bytes()).isEqualTo(2L << 30);
        assertThat(s.minFreeMemory().bytes()).isEqualTo(256L << 20);
        assertThat(s.maxLoad()).isEqualTo(4.0);
        assertThat(s.requireCommands()).containsExactly("docker", "nginx");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.common().onFailure()).isEqualTo(FailurePolicy.UNSTABLE);
        assertThat(s.common().reportName()).isEqualTo("pre-deploy");
        assertThat(s.common().archive()).isFalse();
        assertThat(s.hosts()).containsExactly("prod-1");
    }

    @Test
    void defaults() {
        HostCheckSpec s = step.bind(Params.of(Map.of("host", "prod-1")));
        assertThat(s.paths()).containsExactly("/");
        assertThat(s.minFreeDisk()).isNull();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.common().reportName()).isEqualTo("hostCheck");
        assertThat(s.common().onFailure()).isEqualTo(FailurePolicy.FAILURE);
        assertThat(s.common().archive()).isTrue();
    }

    @Test
    void badInputNamesTheParameter() {
        assertBad(Map.of(), "host: is required");
        assertBad(Map.of("host", "h", "paths", List.of("relative")), "paths[0]: 'relative' must be an absolute path");
        assertBad(Map.of("host", "h", "requireCommands", List.of("docker; rm -rf /")), "requireCommands[0]: 'docker; rm -rf /' is not a command name");
        assertBad(Map.of("host", "h", "maxLoad", "high"), "maxLoad: 'high' is not a number");
        assertBad(Map.of("host", "h", "onFailure", "ABORT"), "onFailure: 'ABORT' is not one of 'FAILURE', 'UNSTABLE'");
        assertBad(Map.of("host", "h", "reportName", "../x"), "reportName: '../x' is not usable as a file name");
        assertBad(Map.of("host", "h", "minFreeDisk", "lots"), "minFreeDisk: 'lots' is not a size");
    }

    private void assertBad(Map<String, Object> params, String message) {
        assertThatThrownBy(() -> step.bind(Params.of(params))).isInstanceOf(SpecException.class).hasMessageStartingWith(message);
    }
}
