package io.jenkins.plugins.deploysteps.engine.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void durationsTakeTheUnitsUsersWrite() {
        assertThat(Durations.parse("t", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("t", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("t", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("t", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("t", " 1m30s ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void badDurationsNameTheFieldAndTheFix() {
        assertThatThrownBy(() -> Durations.parse("waitTimeout", "90")).isInstanceOf(SpecException.class)
                .hasMessage("waitTimeout: '90' needs a unit (use ms, s, m or h, e.g. '90s', '2m', '1m30s')");
        assertThatThrownBy(() -> Durations.parse("waitTimeout", "2 minutes")).hasMessageStartingWith("waitTimeout: '2 minutes' is not a duration");
        assertThatThrownBy(() -> Params.of(Map.of("timeout", "0s")).duration("timeout", Duration.ofSeconds(1)))
                .hasMessage("timeout: must be longer than zero");
    }

    @Test
    void sizesAreBinaryAndNamedOnError() {
        assertThat(ByteSize.parse("f", "2GB").bytes()).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("f", "512MB").bytes()).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("f", "1.5G").bytes()).isEqualTo(3L << 29);
        assertThat(ByteSize.parse("f", "100").bytes()).isEqualTo(100);
        assertThat(ByteSize.parse("f", "256MiB").bytes()).isEqualTo(256L << 20);
        assertThat(ByteSize.ofKiB(1536).toString()).isEqualTo("1.5 MiB");
        assertThatThrownBy(() -> ByteSize.parse("minFreeDisk", "2XB")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("minFreeDisk: '2XB' is not a size");
    }

    @Test
    void unknownParametersAreRefusedWithASuggestion() {
        Params p = Params.of(Map.of("host", "a", "minFreeDsk", "2GB"));
        p.requiredString("host");
        p.optionalSize("minFreeDisk");
        assertThatThrownBy(p::done).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("minFreeDsk: unknown parameter (did you mean 'minFreeDisk'?)");
    }

    @Test
    void typeErrorsNameTheFieldAndNestedPath() {
        Params top = Params.of(Map.of());
        Params nested = top.nested("checks[2]", Map.of("samples", "many", "list", Map.of("a", 1)));
        assertThatThrownBy(() -> nested.integer("samples", 1, 1, 100)).hasMessage("checks[2].samples: 'many' is not a whole number");
        assertThatThrownBy(() -> nested.stringList("list")).hasMessage("checks[2].list: must be a list of strings, not a map");
        assertThatThrownBy(() -> Params.of(Map.of("n", 500)).integer("n", 1, 1, 100)).hasMessage("n: 500 is out of range (1 to 100)");
        assertThatThrownBy(() -> Params.of(Map.of()).requiredString("host")).hasMessage("host: is required");
        assertThatThrownBy(() -> Params.of(Map.of("archive", "maybe")).bool("archive", true)).hasMessage("archive: 'maybe' is not true or false");
    }

    @Test
    void aScalarCountsAsAOneElementList() {
        assertThat(Params.of(Map.of("paths", "/")).stringList("paths")).containsExactly("/");
        assertThat(Params.of(Map.of("paths", List.of("/", "/var"))).stringList("paths")).containsExactly("/", "/var");
        assertThatThrownBy(() -> Params.of(Map.of("paths", List.of("/", " "))).stringList("paths")).hasMessage("paths[1]: must be a non-empty string");
    }

    @Test
    void choicesListWhatIsAllowed() {
        enum Mode { STRICT, OFF }
        assertThat(Params.of(Map.of("m", "off")).choice("m", Mode.class, Mode.STRICT)).isEqualTo(Mode.OFF);
        assertThatThrownBy(() -> Params.of(Map.of("m", "lax")).choice("m", Mode.class, Mode.STRICT))
                .hasMessage("m: 'lax' is not one of 'STRICT', 'OFF'");
    }
}
