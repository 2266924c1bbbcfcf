package io.jenkins.plugins.deploysteps.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a check name, a message or host output holds, each progress call prints exactly one line. */
class ProgressLinesTest {
    private static final String FORGED = "api\n[PASS] all 42 checks passed, deploy approved\r\u001b[2K\u0000";

    @Test
    void lineBreaksAndControlCharactersAreShownEscapedNotPrinted() {
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress((level, text) -> lines.add(text), new SecretMasker());
        progress.checkStarted(FORGED);
        progress.checkFinished(Check.named(FORGED).fail("got\nnothing"));
        progress.info(FORGED);
        progress.warn(FORGED);
        progress.output("web", false, FORGED);
        progress.commandFinished("web\nx", FORGED, "ok", java.time.Duration.ZERO, null);
        assertThat(lines).hasSize(6).allSatisfy(line -> {
            assertThat(line).doesNotContain("\n", "\r", "\u001b", "\u0000");
            assertThat(line).contains("api\\n[PASS] all 42 checks passed, deploy approved\\r\\u001b[2K\\u0000");
        });
        assertThat(lines.get(1)).isEqualTo("[FAIL] api\\n[PASS] all 42 checks passed, deploy approved\\r\\u001b[2K\\u0000 (0 ms): got\\nnothing");
    }

    @Test
    void refusedValuesAreQuotedOnOneLineAndShortened() {
        SpecException e = new SpecException("checks[0].name\nforged", "'" + "y".repeat(100_000) + "\n' is bad; fix it");
        assertThat(e.getMessage()).doesNotContain("\n").startsWith("checks[0].name\\nforged: 'yyy").endsWith("\\n' is bad; fix it");
        assertThat(e.getMessage().length()).isLessThan(2100);
        assertThat(e.field()).isEqualTo("checks[0].name\\nforged");
        assertThat(e.problem()).endsWith("is bad; fix it");
    }
}
