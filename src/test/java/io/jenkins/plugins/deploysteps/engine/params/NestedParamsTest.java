package io.jenkins.plugins.deploysteps.engine.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NestedParamsTest {

    @Test
    void listsOfMapsNameTheirElementsInErrors() {
        Params p = Params.of(Map.of("checks", List.of(Map.of("name", "api", "url", "http://x"), Map.of("name", "db", "tcp", "h:1", "samples", "x", "sampels", 3))));
        List<Params> checks = p.maps("checks");
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).requiredString("url")).isEqualTo("http://x");
        assertThatThrownBy(() -> checks.get(1).integer("samples", 1, 1, 10)).hasMessage("checks[1].samples: 'x' is not a whole number");
        checks.get(1).requiredString("name");
        checks.get(1).optionalString("tcp");
        assertThatThrownBy(checks.get(1)::done).hasMessageStartingWith("checks[1].sampels: unknown parameter (did you mean 'samples'?)");
        assertThatThrownBy(() -> Params.of(Map.of("checks", List.of("http://x"))).maps("checks"))
                .hasMessage("checks[0]: must be a map of settings, not 'http://x'");
    }

    @Test
    void nestedMapsAndStringMaps() {
        Params p = Params.of(Map.of("tls", Map.of("warnDays", 21), "expectJson", Map.of("$.status", "ok", "$.count", 3)));
        Params tls = p.map("tls").orElseThrow();
        assertThat(tls.integer("warnDays", 0, 0, 365)).isEqualTo(21);
        assertThat(tls.integer("failDays", 7, 0, 365)).isEqualTo(7);
        assertThat(p.stringMap("expectJson")).containsEntry("$.status", "ok").containsEntry("$.count", "3");
        assertThat(p.map("absent")).isEmpty();
        assertThatThrownBy(() -> Params.of(Map.of("tls", "yes")).map("tls")).hasMessage("tls: must be a map of settings, not 'yes'");
        assertThatThrownBy(() -> Params.of(Map.of("headers", Map.of("X", List.of(1)))).stringMap("headers")).hasMessage("headers[X]: must be a single value");
        assertThatThrownBy(() -> Params.of(Map.of("t", Map.of("warnDays", 400))).map("t").orElseThrow().integer("warnDays", 0, 0, 365))
                .hasMessage("t.warnDays: 400 is out of range (0 to 365)");
    }
}
