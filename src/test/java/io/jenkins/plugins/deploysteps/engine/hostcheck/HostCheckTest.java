package io.jenkins.plugins.deploysteps.engine.hostcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.testing.Recording;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** hostCheck end to end in the engine: real sshd, real df and /proc, reports on disk, the gate's verdict. */
class HostCheckTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    @TempDir
    Path reports;

    private final Recording log = new Recording();

    private StepResult run(Map<String, Object> params, HostSpec... hosts) throws Exception {
        Map<String, HostSpec> byName = new java.util.HashMap<>();
        byName.put("local", TARGET.get().host("local"));
        for (HostSpec h : hosts) {
            byName.put(h.name(), h);
        }
        HostResolver hostsByName = (field, name) -> {
            HostSpec h = byName.get(name);
            if (h == null) {
                throw new SpecException(field, "unknown host '" + name + "'");
            }
            return h;
        };
        Targets targets = Targets.overSsh(hostsByName, log.progress());
        HostCheck step = new HostCheck();
        HostCheckSpec spec = StepRunner.bind(step, params, hostsByName);
        try (RunContext ctx = new RunContext(log.masker(), log.progress(), targets, Clock.systemUTC(), "test")) {
            return StepRunner.run(step, spec, ctx, reports);
        }
    }

    @Test
    void aHealthyHostPassesEveryCheck() throws Exception {
        StepResult r = run(Map.of("host", "local", "paths", List.of("/", "/tmp"), "minFreeDisk", "1MB", "minFreeMemory", "1MB",
                "maxLoad", 1000, "requireCommands", List.of("sh", "df")));
        Report report = r.report();
        assertThat(report.checks()).extracting(Check::name).containsExactly("connect to local", "free disk on /", "free disk on /tmp",
                "available memory", "load average", "command sh", "command df");
        assertThat(report.checks()).allMatch(c -> c.status() == Status.PASS, "all pass");
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(report.checks().get(1).actual()).matches("\\d+\\.\\d (KiB|MiB|GiB|TiB) free on /.*");
        assertThat(report.facts().get("hostKeys")).isInstanceOfSatisfying(java.util.Map.class, m -> assertThat(m.containsKey("local")).isTrue());
        assertThat(Path.of(r.files().xml())).exists();
        assertThat(Files.readString(Path.of(r.files().json()))).contains("\"status\" : \"SUCCESS\"");
        assertThat(log.text()).contains("[check] free disk on / ...").contains("[PASS] free disk on / (").contains("[local] $ df -Pk -- /");
        assertThat(r.toMap()).containsEntry("status", "SUCCESS").containsKey("reports");
    }

    @Test
    void thresholdsThatAreNotMetFailWithExpectedAndActual() throws Exception {
        StepResult r = run(Map.of("host", "local", "minFreeDisk", "1000TB", "requireCommands", List.of("no-such-command-xyz")));
        Check disk = r.report().checks().get(1);
        assertThat(disk.status()).isEqualTo(Status.FAIL);
        assertThat(disk.expected()).isEqualTo(">= 1000.0 TiB");
        assertThat(disk.message()).startsWith("only ");
        Check cmd = r.report().checks().get(2);
        assertThat(cmd.status()).isEqualTo(Status.FAIL);
        assertThat(cmd.actual()).isEqualTo("not found");
        assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(r.report().verdict().reason()).startsWith("2 checks failed: free disk on /");
    }

    @Test
    void onFailureUnstableDowngradesTheOutcome() throws Exception {
        StepResult r = run(Map.of("host", "local", "minFreeMemory", "1000TB", "onFailure", "UNSTABLE"));
        assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.UNSTABLE);
    }

    @Test
    void anUnreachableHostIsAnErrorAndTheRestIsSkipped() throws Exception {
        HostSpec dead = HostSpec.builder("dead", "127.0.0.1").port(1).login("root", TARGET.get().host("x").login().credentials())
                .hostKeys(new HostKeyVerification(HostKeyMode.STRICT, TARGET.get().knownHosts(), null))
                .timing(new HostSpec.Timing(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(15), 0)).build();
        StepResult r = run(Map.of("host", "dead", "minFreeDisk", "1MB", "maxLoad", 10), dead);
        assertThat(r.report().checks()).extracting(Check::status).containsExactly(Status.ERROR, Status.SKIP, Status.SKIP);
        assertThat(r.report().checks().get(0).message()).startsWith("connection refused by host 'dead'");
        assertThat(r.report().verdict().outcome()).isEqualTo(Outcome.FAILURE);
    }
}
