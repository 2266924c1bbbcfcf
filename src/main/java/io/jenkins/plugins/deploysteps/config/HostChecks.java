package io.jenkins.plugins.deploysteps.config;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostKeys;
import io.jenkins.plugins.deploysteps.engine.ssh.HostRules;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's host rules ({@link HostRules}) applied to a Deploy hosts entry as the form writes it: the form's field
 * checks and the configuration's save both ask them, so the UI, JCasC and the engine agree. Each returns the problem,
 * or empty when the value is fine.
 */
public final class HostChecks {
    /** The fields checked by their value alone, each at {@code <descriptor>/field/<name>/check}. */
    private static final Map<String, Function<String, Optional<String>>> FIELDS = Map.of("name", HostChecks::name, "hostname",
            HostChecks::hostname, "port", HostChecks::port, "connectTimeout", HostChecks::duration, HostStepDefaults.COMPOSE_COMMAND,
            v -> stepDefault(v, null, null), HostStepDefaults.NGINX_TEST_COMMAND, v -> stepDefault(null, v, null),
            HostStepDefaults.NGINX_RELOAD_COMMAND, v -> stepDefault(null, null, v));

    private HostChecks() {}

    /** The rule for a field checked by its value alone; empty for any other field. */
    public static Optional<Function<String, Optional<String>>> field(String name) {
        return Optional.ofNullable(FIELDS.get(name));
    }

    public static Optional<String> name(String value) {
        return HostRules.nameProblem(value == null ? null : value.trim());
    }

    public static Optional<String> hostname(String value) {
        return value == null || value.isBlank() ? Optional.of("required") : HostRules.hostnameProblem(value.trim());
    }

    public static Optional<String> port(String value) {
        if (value == null) {
            return Optional.of("required");
        }
        try {
            return HostRules.portProblem(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.of("'" + value + "' is not a port number");
        }
    }

    public static Optional<String> duration(String value) {
        return problem(() -> Durations.parse("connectTimeout", value));
    }

    /** The name known_hosts lines give the host as the form has it; a port that is not a number yet counts as 22. */
    public static String knownHostsName(String hostname, String port) {
        try {
            return HostRules.knownHostsName(hostname, port == null ? 22 : Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            return hostname;
        }
    }

    /** Strict verification needs keys; malformed known_hosts lines are named by line number. */
    public static Optional<String> knownHosts(String mode, String knownHosts, String knownHostsFile, String knownHostsName) {
        if (knownHosts != null && !knownHosts.isBlank()) {
            Optional<String> bad = problem(() -> HostKeys.normalize("knownHosts", List.of(knownHosts), knownHostsName));
            if (bad.isPresent()) {
                return bad;
            }
        }
        if (HostRules.lacksKeys(HostKeyMode.byValue(mode).orElse(null), knownHosts == null ? null : List.of(knownHosts), knownHostsFile)) {
            return Optional.of(HostRules.STRICT_NEEDS_KEYS + "the host's keys: paste known_hosts lines (ssh-keyscan output) or name a known_hosts file");
        }
        return Optional.empty();
    }

    /** The step defaults' problem, naming the setting ({@code composeCommand: ...}); a form field shows it without the name. */
    private static Optional<String> stepDefaults(DeployHost h) {
        try {
            HostStepDefaults.parse(h.getComposeCommand(), h.getNginxTestCommand(), h.getNginxReloadCommand());
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> stepDefault(String compose, String test, String reload) {
        return problem(() -> HostStepDefaults.parse(compose, test, reload));
    }

    private static Optional<String> problem(Runnable rule) {
        try {
            rule.run();
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(e.problem());
        }
    }

    /**
     * Checks a whole host list: unique names, step defaults the steps can use, jump hosts that exist, and no host that
     * reaches itself through jump hosts. Returns every problem found, each naming its host.
     */
    public static List<String> hostList(List<DeployHost> hosts) {
        List<String> problems = new ArrayList<>();
        Map<String, DeployHost> byName = new HashMap<>();
        for (DeployHost h : hosts) {
            problems.addAll(entry(h));
            byName.putIfAbsent(h.getName(), h);
        }
        HostRules.repeatedNames(hosts.stream().map(DeployHost::getName).toList())
                .forEach(n -> problems.add("host name '" + n + "' is used more than once"));
        for (DeployHost h : hosts) {
            String jump = h.getJumpHost();
            if (jump != null && !byName.containsKey(jump)) {
                problems.add(HostRules.jumpHostNotConfigured(h.getName(), jump));
            } else if (jump != null) {
                HostRules.jumpCycle(h.getName(), n -> n.equals(h.getName()) ? jump : jumpOf(byName, n))
                        .ifPresent(cycle -> problems.add("host '" + h.getName() + "': " + HostRules.cycleProblem(cycle)));
            }
        }
        return problems;
    }

    /** The problems of one entry on its own (its name, its step defaults), each naming the host. */
    public static List<String> entry(DeployHost h) {
        List<String> problems = new ArrayList<>();
        name(h.getName()).ifPresent(p -> problems.add("host '" + h.getName() + "': name: " + p));
        stepDefaults(h).ifPresent(p -> problems.add("host '" + h.getName() + "': " + p));
        return problems;
    }

    private static String jumpOf(Map<String, DeployHost> byName, String name) {
        DeployHost h = byName.get(name);
        return h == null ? null : h.getJumpHost();
    }
}
