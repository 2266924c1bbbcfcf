package io.jenkins.plugins.deploysteps.testing;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds and runs a step as a plan does: any step, hosts and credentials by name from maps the test fills, reports into a directory. */
public final class PlanStepHarness<S extends StepSpec> {
    public final Recording log = new Recording();
    public final Map<String, Credential> credentials = new LinkedHashMap<>();
    public final Map<String, HostSpec> hosts = new LinkedHashMap<>();
    private final StepDefinition<S> step;
    private final Path reports;

    public PlanStepHarness(StepDefinition<S> step, Path reports) {
        this.step = step;
        this.reports = reports;
    }

    public HostResolver hostResolver() {
        return (field, name) -> {
            HostSpec h = hosts.get(name);
            if (h == null) {
                throw new SpecException(field, "unknown host '" + name + "'");
            }
            return h;
        };
    }

    public CredentialResolver credentialResolver() {
        return (field, id) -> {
            Credential c = credentials.get(id);
            if (c == null) {
                throw new SpecException(field, "unknown credential '" + id + "'");
            }
            return c;
        };
    }

    public S bind(Map<String, Object> params) {
        return StepRunner.bind(step, params, hostResolver(), credentialResolver());
    }

    public StepResult run(Map<String, Object> params) throws Exception {
        S spec = bind(params);
        try (RunContext ctx = new RunContext(log.masker(), log.progress(), Targets.overSsh(hostResolver(), log.progress()), Clock.systemUTC(),
                "test")) {
            return StepRunner.run(step, spec, ctx, reports);
        }
    }

    /** An ordered map, as Groovy map literals and YAML maps are. */
    public static Map<String, Object> check(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static Check named(Report r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + r.checks()));
    }
}
