package io.jenkins.plugins.deploysteps.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class BuildEffectTest {

    private static Report report(FailurePolicy policy, Check... checks) {
        ReportBuilder b = new ReportBuilder("hostCheck", "preflight", "prod-1", new SecretMasker(), Clock.systemUTC());
        for (Check c : checks) {
            b.add(c);
        }
        return b.finish(policy);
    }

    @Test
    void successChangesNothing() {
        assertThat(BuildEffect.of(report(FailurePolicy.FAILURE, Check.named("a").pass())).kind()).isEqualTo(BuildEffect.Kind.NONE);
    }

    @Test
    void aWarningMarksUnstableWithAOneLineReason() {
        BuildEffect e = BuildEffect.of(report(FailurePolicy.FAILURE, Check.named("load average").severity(Severity.WARNING).fail("load 9.00 is above 4.00")));
        assertThat(e.kind()).isEqualTo(BuildEffect.Kind.UNSTABLE);
        assertThat(e.message()).isEqualTo("hostCheck 'preflight' on prod-1: 1 check warned: load average (load 9.00 is above 4.00)");
    }

    @Test
    void aFailureFailsTheStepUnlessOnFailureSaysUnstable() {
        Check disk = Check.named("free disk on /").fail("only 1.0 GiB free on /");
        BuildEffect fail = BuildEffect.of(report(FailurePolicy.FAILURE, disk));
        assertThat(fail.kind()).isEqualTo(BuildEffect.Kind.FAIL);
        assertThat(fail.message()).isEqualTo("hostCheck 'preflight' on prod-1: 1 check failed: free disk on / (only 1.0 GiB free on /)")
                .doesNotContain("\n");
        assertThat(BuildEffect.of(report(FailurePolicy.UNSTABLE, disk)).kind()).isEqualTo(BuildEffect.Kind.UNSTABLE);
    }
}
