package io.jenkins.plugins.deploysteps.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Snippet Generator's field checks say exactly what a build would say about the same value. */
class StepFormsTest {
    private static final Map<String, Object> MINIMAL = Map.of("host", "h");

    @Test
    void aBadValueGetsTheEnginesMessage() {
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "minFreeDisk", "2XB"))
                .contains("'2XB' is not a size (use B, KB, MB, GB or TB, e.g. '512MB', '2GB')");
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "timeout", "30")).contains(
                "'30' needs a unit (use ms, s, m or h, e.g. '90s', '2m', '1m30s')");
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "paths", List.of("/", "var"))).contains("'var' must be an absolute path");
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "maxLoad", "high")).contains("'high' is not a number");
    }

    @Test
    void goodAndEmptyValuesPass() {
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "minFreeDisk", "2GB")).isEmpty();
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "minFreeDisk", "")).isEmpty();
        assertThat(StepForms.problem(new HostCheck(), MINIMAL, "timeout", null)).isEmpty();
    }

    @Test
    void textareasAreOneEntryPerLine() {
        assertThat(StepForms.lines(" /\n\n/var/lib/docker \r\n")).containsExactly("/", "/var/lib/docker");
        assertThat(StepForms.text(List.of("docker", "nginx"))).isEqualTo("docker\nnginx");
        assertThat(StepForms.lines(null)).isEmpty();
    }

    @Test
    void aNestedMapIsHeldToItsDeclarationsByPath() {
        ParamSet declared = new HealthVerify().declarations();
        Map<String, Object> tls = new LinkedHashMap<>(Map.of("warnDays", 30));
        Map<String, Object> args = new LinkedHashMap<>(Map.of("url", "https://x/"));
        args.put("tls", tls);
        StepForms.refuseUndeclared(args, declared, "tls");
        tls.put("warnDayz", 10);
        assertThatThrownBy(() -> StepForms.refuseUndeclared(args, declared, "tls")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("tls.warnDayz: unknown parameter (did you mean 'warnDays'?)");
        args.remove("tls");
        StepForms.refuseUndeclared(args, declared, "tls");
        assertThatThrownBy(() -> StepForms.refuseUndeclared(args, declared, "tlss")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no parameter tlss");
    }

    @Test
    void everyStatusFieldTakesANumberTextOrAList() {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("expectStatus", 429);
        args.put("expectSendStatus", "4xx");
        args.put("expectVerifyStatus", List.of(200, "3xx"));
        args.put("expectNoSessionStatus", 401L);
        args.put("requests", 10);
        args.put("url", "http://x/");

        assertThat(StepForms.statusAsText(args)).containsExactly(
                Map.entry("expectStatus", "429"), Map.entry("expectSendStatus", "4xx"), Map.entry("expectVerifyStatus", "200, 3xx"),
                Map.entry("expectNoSessionStatus", "401"), Map.entry("requests", 10), Map.entry("url", "http://x/"));
    }
}
