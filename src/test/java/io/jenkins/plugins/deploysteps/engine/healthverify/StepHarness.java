package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.testing.Recording;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds and runs healthVerify as the CLI and Jenkins do: credentials and hosts by name, reports into a directory. */
final class StepHarness {
    final Recording log = new Recording();
    final Map<String, Credential> credentials = new LinkedHashMap<>();
    final Map<String, HostSpec> hosts = new LinkedHashMap<>();
    private final Path reports;

    StepHarness(Path reports) {
        this.reports = reports;
    }

    HostResolver hostResolver() {
        return (field, name) -> {
            HostSpec h = hosts.get(name);
            if (h == null) {
                throw new SpecException(field, "unknown host '" + name + "'");
            }
            return h;
        };
    }

    CredentialResolver credentialResolver() {
        return (field, id) -> {
            Credential c = credentials.get(id);
            if (c == null) {
                throw new SpecException(field, "unknown credential '" + id + "'");
            }
            return c;
        };
    }

    HealthVerifySpec bind(Map<String, Object> params) {
        return StepRunner.bind(new HealthVerify(), params, hostResolver(), credentialResolver());
    }

    StepResult run(Map<String, Object> params) throws Exception {
        HealthVerifySpec spec = bind(params);
        try (RunContext ctx = new RunContext(log.masker(), log.progress(), Targets.overSsh(hostResolver(), log.progress()), Clock.systemUTC(),
                "test")) {
            return StepRunner.run(new HealthVerify(), spec, ctx, reports);
        }
    }

    /** An ordered map, as Groovy map literals and YAML maps are. */
    static Map<String, Object> check(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Check named(Report r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + r.checks()));
    }
}
