package io.jenkins.plugins.deploysteps.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.testing.Recording;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A chain of stages hands each value to the next, and skips the rest with the reason of the stage that did not pass. */
class StagesTest {
    private final Recording log = new Recording();
    private final ReportBuilder report = new ReportBuilder("test", "test", "here", log.masker(), Clock.systemUTC());
    private final CheckRunner checks = new CheckRunner(new RunContext(log.masker(), log.progress(), null, Clock.systemUTC(), "test"), report);

    private String summary() {
        return String.join(", ", report.checks().stream().map(c -> c.name() + " " + c.status() + (c.message() == null ? "" : " (" + c.message() + ")"))
                .toList());
    }

    @Test
    void eachStageGetsTheValueTheOneBeforeFound() throws Exception {
        Outcome<Integer> length = Stages.from(Outcome.of("abc"))
                .then("upper", "no upper", (c, s) -> Checked.of(c.pass(), s.toUpperCase()))
                .then("length", "no length", (c, s) -> Checked.of(c.actual(s).pass(), s.length()))
                .run(checks);
        assertThat(length.value()).isEqualTo(3);
        assertThat(report.checks()).extracting(Check::status).containsExactly(Status.PASS, Status.PASS);
        assertThat(report.checks().get(1).actual()).isEqualTo("ABC");
    }

    @Test
    void aStageThatDoesNotPassSkipsTheRestWithItsReason() throws Exception {
        Outcome<String> last = Stages.from(Outcome.of("x"))
                .then("first", "the first failed", (c, s) -> Checked.<String>without(c.fail("broken")))
                .then("second", "the second failed", (c, s) -> Checked.of(c.pass(), s))
                .then("third", "the third failed", (c, s) -> Checked.of(c.pass(), s))
                .run(checks);
        assertThat(last.present()).isFalse();
        assertThat(last.why()).isEqualTo("the first failed");
        assertThat(summary()).isEqualTo("first FAIL (broken), second SKIP (the first failed), third SKIP (the first failed)");
    }

    @Test
    void aStageThatDoesNotPassUndoesWhatItBeganBeforeTheRestIsSkipped() throws Exception {
        Outcome<String> last = Stages.from(Outcome.of("file"))
                .then("write", "not written", (c, s) -> Checked.of(c.pass(), s))
                .then("test", s -> {
                    checks.run("undo " + s, c -> c.pass());
                    return "the test failed: " + s + " was put back";
                }, (c, s) -> Checked.of(c.fail("broken"), s))
                .then("reload", "not reloaded", (c, s) -> Checked.of(c.pass(), s))
                .run(checks);
        assertThat(last.why()).isEqualTo("the test failed: file was put back");
        assertThat(summary()).isEqualTo("write PASS, test FAIL (broken), undo file PASS, reload SKIP (the test failed: file was put back)");
    }

    @Test
    void aChainWithoutItsInputSkipsEveryStageAndABodyThatThrowsIsAnError() throws Exception {
        Stages.from(Outcome.<String>missing("not connected")).then("a", "no a", (c, s) -> Checked.of(c.pass(), s)).run(checks);
        Outcome<String> thrown = Stages.from(Outcome.of("x")).<String>then("b", "no b", (c, s) -> {
            throw new IllegalStateException("bug");
        }).then("c", "no c", (c, s) -> Checked.of(c.pass(), s)).run(checks);
        assertThat(thrown.why()).isEqualTo("no b");
        assertThat(summary()).startsWith("a SKIP (not connected), b ERROR (unexpected error: ").endsWith(", c SKIP (no b)");
    }

    @Test
    void aPassingCheckWithoutAValueHandsNothingOn() {
        assertThat(Checked.of(Check.named("x").pass(), null).outcome("nothing found").why()).isEqualTo("nothing found");
        assertThat(Outcome.of(1).onlyIf(false, "not wanted").why()).isEqualTo("not wanted");
        assertThat(Outcome.<Integer>missing("gone").orBecause("other").why()).isEqualTo("other");
        assertThat(Outcome.of(2).map(i -> i * 2).value()).isEqualTo(4);
    }
}
