package io.jenkins.plugins.deploysteps.config;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeys;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a Deploy hosts entry must follow, as plain functions: the form's check methods and the
 * configuration's save both ask them, so the UI, JCasC and the engine agree. Each returns the problem, or
 * empty when the value is fine.
 */
public final class HostChecks {
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");

    private HostChecks() {}

    public static Optional<String> name(String value) {
        try {
            HostSpec.requireName(value == null ? null : value.trim());
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(e.problem());
        }
    }

    public static Optional<String> hostname(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("required");
        }
        return HOSTNAME.matcher(value.trim()).matches() ? Optional.empty() : Optional.of("'" + value + "' is not a host name or IP address");
    }

    public static Optional<String> port(String value) {
        if (value == null) {
            return Optional.of("required");
        }
        try {
            int p = Integer.parseInt(value.trim());
            return p >= 1 && p <= 65535 ? Optional.empty() : Optional.of(p + " is not a TCP port (1 to 65535)");
        } catch (NumberFormatException e) {
            return Optional.of("'" + value + "' is not a port number");
        }
    }

    public static Optional<String> duration(String value) {
        try {
            Durations.parse("connectTimeout", value);
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(e.problem());
        }
    }

    /** Strict verification needs keys; malformed known_hosts lines are named by line number. */
    public static Optional<String> knownHosts(String mode, String knownHosts, String knownHostsFile, String knownHostsName) {
        if (knownHosts != null && !knownHosts.isBlank()) {
            try {
                HostKeys.normalize("knownHosts", List.of(knownHosts), knownHostsName);
            } catch (SpecException e) {
                return Optional.of(e.problem());
            }
        }
        boolean none = (knownHosts == null || knownHosts.isBlank()) && (knownHostsFile == null || knownHostsFile.isBlank());
        if (HostKeyMode.STRICT.toString().equals(mode) && none) {
            return Optional.of("strict host key verification needs the host's keys: paste known_hosts lines "
                    + "(ssh-keyscan output) or name a known_hosts file");
        }
        return Optional.empty();
    }

    /**
     * Checks a whole host list: unique names, jump hosts that exist, and no host that reaches itself through
     * jump hosts. Returns every problem found, each naming its host.
     */
    public static List<String> hostList(List<DeployHost> hosts) {
        List<String> problems = new ArrayList<>();
        Map<String, DeployHost> byName = new HashMap<>();
        for (DeployHost h : hosts) {
            name(h.getName()).ifPresent(p -> problems.add("host '" + h.getName() + "': name: " + p));
            if (byName.put(h.getName(), h) != null) {
                problems.add("host name '" + h.getName() + "' is used more than once");
            }
        }
        for (DeployHost h : hosts) {
            String jump = h.getJumpHost();
            if (jump == null) {
                continue;
            }
            if (!byName.containsKey(jump)) {
                problems.add("host '" + h.getName() + "': jump host '" + jump + "' is not configured");
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(h.getName()));
            Set<String> seen = new HashSet<>(chain);
            for (DeployHost j = byName.get(jump); j != null; j = j.getJumpHost() == null ? null : byName.get(j.getJumpHost())) {
                chain.add(j.getName());
                if (!seen.add(j.getName())) {
                    problems.add("host '" + h.getName() + "': jump hosts form a cycle: " + String.join(" -> ", chain));
                    break;
                }
            }
        }
        return problems;
    }
}
