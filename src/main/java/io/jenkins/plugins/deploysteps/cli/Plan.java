package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded plan: its hosts and its steps, in the order they run. */
public record Plan(Path file, Map<String, HostSpec> hosts, List<PlanStep> steps) {

    /** One entry of {@code steps:}: the step name, its parameters, and where it is in the file for messages. */
    public record PlanStep(int index, String name, Map<String, Object> params) {
        public String where() {
            return "steps[" + index + "] (" + name + ")";
        }
    }

    public HostResolver resolver() {
        return (field, name) -> {
            HostSpec spec = hosts.get(name);
            if (spec == null) {
                throw new SpecException(field, "unknown host '" + name + "'; the plan's hosts are: "
                        + (hosts.isEmpty() ? "(none)" : String.join(", ", hosts.keySet())));
            }
            return spec;
        };
    }
}
