package io.jenkins.plugins.deploysteps.engine.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.testing.Recording;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lines a person reads in the build log: checks that need a look read differently by kind; long text is cut, scripts are for verbose mode. */
class ProgressTest {
    private final Recording log = new Recording();

    @Test
    void warnFailAndErrorReadDifferentlyAndNoneIsOneMoreWarning() {
        log.progress().checkFinished(Check.named("latency").severity(Severity.WARNING).fail("slow: 900 ms"));
        log.progress().checkFinished(Check.named("status").fail("expected 200, actual 503"));
        log.progress().checkFinished(Check.named("api").error("connection refused"));
        log.progress().checkFinished(Check.named("disk").pass());

        assertThat(log.lines()).extracting(Recording.Line::text).satisfiesExactly(
                l -> assertThat(l).matches("\\[WARN] latency \\(\\d+ ms\\): slow: 900 ms"),
                l -> assertThat(l).matches("\\[FAIL] status \\(\\d+ ms\\): expected 200, actual 503"),
                l -> assertThat(l).matches("\\[ERROR] api \\(\\d+ ms\\) could not run: connection refused"),
                l -> assertThat(l).matches("\\[PASS] disk \\(\\d+ ms\\)"));
        assertThat(log.lines()).extracting(Recording.Line::level).containsExactly(ProgressSink.Level.PROBLEM, ProgressSink.Level.PROBLEM,
                ProgressSink.Level.PROBLEM, ProgressSink.Level.INFO);
        assertThat(log.text()).doesNotContain("WARNING");
    }

    @Test
    void aCommandIsOneLineWhenItStartsAndOneWhenItEndsAndItsScriptOnlyInVerboseMode() {
        String script = "set -eu\nmkdir -p -- \"$1\"\nmv -- \"$2\" \"$1\"";
        log.progress().commandStarted("prod-1", "write /app/.env", script);
        log.progress().commandFinished("prod-1", "write /app/.env", "exit 1", Duration.ofMillis(17), "mv: cannot move\nsecond line");
        log.progress().verbose(true);
        log.progress().commandStarted("prod-1", "write /app/.env", script);

        assertThat(log.lines()).extracting(Recording.Line::text).containsExactly("[prod-1] write /app/.env ...",
                "[prod-1] write /app/.env ... exit 1 (17 ms): mv: cannot move\\nsecond line", "[prod-1] write /app/.env ...",
                "[prod-1] $ set -eu", "[prod-1]   mkdir -p -- \"$1\"", "[prod-1]   mv -- \"$2\" \"$1\"");
    }

    @Test
    void aLongSummaryOrFailureIsCutSoTheLineStaysReadable() {
        log.progress().commandFinished("prod-1", "x".repeat(500), "exit 2", Duration.ofSeconds(3), "y".repeat(500));
        log.progress().checkFinished(Check.named("z".repeat(400)).fail("w".repeat(400)));
        assertThat(log.lines()).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(Progress.LONGEST_LINE));
        assertThat(log.lines().get(0).text()).startsWith("[prod-1] xxx").contains("... ... exit 2 (3.0 s): yyy").endsWith("...");
    }
}
