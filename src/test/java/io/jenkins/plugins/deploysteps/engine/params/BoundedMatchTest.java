package io.jenkins.plugins.deploysteps.engine.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** User patterns against hostile text stop within their bounds, as an error naming the pattern. */
class BoundedMatchTest {

    @Test
    void catastrophicBacktrackingStopsAtTheBudget() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> BoundedMatch.firstLine(Pattern.compile("(.*a){20}$"), "ok\n" + "a".repeat(32) + "b\n"))
                .isInstanceOf(BoundedMatch.TooCostly.class)
                .hasMessage("the pattern '(.*a){20}$' took longer than 1s (catastrophic backtracking): simplify it");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void deepRecursionIsAnErrorNotAStackOverflow() {
        String line = "a".repeat(15_000) + "b";
        Throwable t = catchThrowable(() -> BoundedMatch.firstLine(Pattern.compile("(a|aa)+$"), line));
        assertThat(t).as("no StackOverflowError escapes").satisfiesAnyOf(
                e -> assertThat(e).isNull(),
                e -> assertThat(e).isInstanceOf(BoundedMatch.TooCostly.class).hasMessageContaining("'(a|aa)+$' needs more stack"));
        // on a thread with little stack the same pattern hits the stack long before the line cap
        Throwable[] onSmallStack = new Throwable[1];
        Thread small = new Thread(null, () -> onSmallStack[0] = catchThrowable(() -> BoundedMatch.firstLine(Pattern.compile("(a|aa)+$"), line)),
                "small-stack", 64 * 1024);
        small.start();
        assertThat(catchThrowable(small::join)).isNull();
        assertThat(onSmallStack[0]).isInstanceOf(BoundedMatch.TooCostly.class).hasMessageContaining("needs more stack than a 8192-character line allows");
    }

    @Test
    void ordinaryPatternsFindTheFirstMatchingLineAndLinesAreCapped() {
        assertThat(BoundedMatch.firstLine(Pattern.compile("ERROR|FATAL"), "starting\n  FATAL: db down \nERROR x")).contains("FATAL: db down");
        assertThat(BoundedMatch.firstLine(Pattern.compile("ERROR"), "fine\nstill fine")).isEmpty();
        assertThat(BoundedMatch.find(Pattern.compile("tail"), "x".repeat(BoundedMatch.LINE_LIMIT) + "tail")).isEqualTo(Optional.empty());
        assertThat(BoundedMatch.find(Pattern.compile("v\\d+"), "{\"version\":\"v42\"}")).contains("v42");
    }

    @Test
    void theParameterIsNamed() {
        BoundedMatch.TooCostly inner = catchThrowableOfType(() -> BoundedMatch.firstLine(Pattern.compile("(.*a){20}$"), "a".repeat(32) + "b"));
        assertThat(new BoundedMatch.TooCostly("failOnLogPattern", inner)).hasMessageStartingWith("failOnLogPattern: the pattern '(.*a){20}$' took longer");
    }

    private static BoundedMatch.TooCostly catchThrowableOfType(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return (BoundedMatch.TooCostly) catchThrowable(call);
    }
}
