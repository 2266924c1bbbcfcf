package io.jenkins.plugins.deploysteps.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final Check PASS = Check.named("a").pass();
    private static final Check SKIP = Check.named("s").skip("not needed");
    private static final Check WARN = Check.named("w").severity(Severity.WARNING).fail("slow");
    private static final Check FAIL = Check.named("f").fail("down");
    private static final Check ERROR = Check.named("e").error("connection refused");

    @Test
    void allPassingOrSkippedSucceeds() {
        assertThat(Gate.evaluate(List.of(PASS, SKIP), FailurePolicy.FAILURE).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aWarningMakesItUnstableWhateverThePolicy() {
        assertThat(WARN.status()).isEqualTo(Status.WARN);
        Verdict v = Gate.evaluate(List.of(PASS, WARN), FailurePolicy.FAILURE);
        assertThat(v.outcome()).isEqualTo(Outcome.UNSTABLE);
        assertThat(v.reason()).isEqualTo("1 check warned: w (slow)");
    }

    @Test
    void failAndErrorFollowOnFailure() {
        assertThat(Gate.evaluate(List.of(PASS, FAIL), FailurePolicy.FAILURE).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(Gate.evaluate(List.of(PASS, ERROR), FailurePolicy.FAILURE).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(Gate.evaluate(List.of(PASS, FAIL, WARN), FailurePolicy.UNSTABLE).outcome()).isEqualTo(Outcome.UNSTABLE);
    }

    @Test
    void theReasonNamesTheFailedChecks() {
        assertThat(Gate.evaluate(List.of(FAIL, ERROR, WARN), FailurePolicy.FAILURE).reason())
                .isEqualTo("2 checks failed: f (down) and 1 more: e");
    }

    @Test
    void warningSeverityAlsoSoftensErrors() {
        assertThat(Check.named("db port").severity(Severity.WARNING).error("refused").status()).isEqualTo(Status.WARN);
    }

    @Test
    void exitCodesFollowTheCliContract() {
        assertThat(Outcome.SUCCESS.exitCode()).isZero();
        assertThat(Outcome.UNSTABLE.exitCode()).isEqualTo(2);
        assertThat(Outcome.FAILURE.exitCode()).isEqualTo(1);
        assertThat(Outcome.UNSTABLE.worst(Outcome.FAILURE)).isEqualTo(Outcome.FAILURE);
        assertThat(Outcome.UNSTABLE.worst(Outcome.SUCCESS)).isEqualTo(Outcome.UNSTABLE);
    }
}
