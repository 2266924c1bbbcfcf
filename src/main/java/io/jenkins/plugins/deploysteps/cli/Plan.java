package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import io.jenkins.plugins.deploysteps.engine.ssh.HostRules;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A loaded plan: where its entries are in the file, its hosts, its credentials (values already read from the environment) and its steps, in the order they run. */
public record Plan(Path file, Map<String, HostSpec> hosts, Map<String, Credential> credentials, List<PlanStep> steps, PlanMarks marks,
        Set<String> unusableHosts) {

    /** One entry of {@code steps:}: the step name, its parameters, and where it is in the file for messages. */
    public record PlanStep(int index, String name, Map<String, Object> params) {
        public String where() {
            return "steps[" + index + "] (" + name + ")";
        }

        /** {@code steps[i].field}: the path {@link PlanMarks} knows. */
        String path(String field) {
            return "steps[" + index + "]" + (field == null || field.isEmpty() ? "" : "." + field);
        }
    }

    public HostResolver resolver() {
        return (field, name) -> {
            HostSpec spec = hosts.get(name);
            if (spec == null && unusableHosts.contains(name)) {
                throw new SpecException(field, "host '" + name + "' cannot be used: its entry in hosts has problems");
            }
            if (spec == null) {
                throw new SpecException(field, HostRules.unknownHost(name) + "; the plan's hosts are: "
                        + (hosts.isEmpty() ? "(none)" : String.join(", ", hosts.keySet())));
            }
            return spec;
        };
    }

    /** Credential IDs in step parameters resolve to the plan's {@code credentials:} entries. */
    public CredentialResolver credentialResolver() {
        return (field, id) -> {
            Credential c = credentials.get(id);
            if (c == null) {
                throw new SpecException(field, "unknown credential '" + id + "'; the plan's credentials are: "
                        + (credentials.isEmpty() ? "(none)" : String.join(", ", credentials.keySet())));
            }
            return c;
        };
    }

    /** Every secret of the plan's credentials, for the masker. */
    public List<String> secrets() {
        return credentials.values().stream().flatMap(c -> c.secrets().stream()).toList();
    }
}
