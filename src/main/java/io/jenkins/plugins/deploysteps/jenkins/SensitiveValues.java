package io.jenkins.plugins.deploysteps.jenkins;

import hudson.EnvVars;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The values of the environment variables the Pipeline knows to be secret where the step runs: those
 * {@code withCredentials} (or any other secret-binding step) bound around it. Jenkins masks them in the build log
 * itself, but not in the reports the step writes and archives, nor in an error message shown on the stage: a value
 * passed on as a parameter ({@code headers: ['X-Api-Key': KEY]}) would land there in clear. The step's masker hides them.
 */
final class SensitiveValues {
    private SensitiveValues() {}

    static List<String> of(StepContext context) throws IOException, InterruptedException {
        EnvironmentExpander expander = context.get(EnvironmentExpander.class);
        EnvVars env = context.get(EnvVars.class);
        if (expander == null || env == null) {
            return List.of();
        }
        return values(expander.getSensitiveVariables(), env);
    }

    static List<String> values(Collection<String> names, Map<String, String> env) {
        return names.stream().map(env::get).filter(Objects::nonNull).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
