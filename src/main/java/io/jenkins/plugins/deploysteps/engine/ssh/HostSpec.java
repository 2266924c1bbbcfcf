package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything needed to reach one configured host, as plain serializable values grouped by role: the Jenkins adapter
 * builds it from the Deploy hosts configuration and credentials, the CLI from a plan's {@code hosts:}. Build one
 * with {@link #builder}; the rules it is checked against are {@link HostRules}.
 *
 * @param name what steps call the host ({@code prod-1})
 * @param stepDefaults what the steps that run on the host fall back to (compose command, nginx test and reload commands)
 */
public record HostSpec(String name, Endpoint endpoint, Login login, HostKeyVerification hostKeys, HostSpec jumpHost, boolean sudo,
        Timing timing, HostStepDefaults stepDefaults) implements Serializable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    public static final int DEFAULT_CONNECT_RETRIES = 1;

    /** Where the host's sshd listens. */
    public record Endpoint(String hostname, int port) implements Serializable {}

    /** Who logs in, and what proves it. */
    public record Login(String user, SshCredentials credentials) implements Serializable {}

    /** How long connecting may take, how often an idle session is kept alive, and how often a failed connect is tried again. */
    public record Timing(Duration connectTimeout, Duration keepAlive, int connectRetries) implements Serializable {
        public static final Timing DEFAULT = new Timing(DEFAULT_CONNECT_TIMEOUT, DEFAULT_KEEP_ALIVE, DEFAULT_CONNECT_RETRIES);

        public Timing {
            connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
            keepAlive = keepAlive == null ? DEFAULT_KEEP_ALIVE : keepAlive;
        }
    }

    public HostSpec {
        requireName(name);
        Objects.requireNonNull(endpoint, "endpoint");
        check("hostname", HostRules.hostnameProblem(endpoint.hostname()), name);
        check("port", HostRules.portProblem(endpoint.port()), name);
        check("user", HostRules.userProblem(login == null ? null : login.user()), name);
        Objects.requireNonNull(login.credentials(), "credentials");
        hostKeys = hostKeys == null ? HostKeyVerification.strict(List.of()) : hostKeys;
        timing = timing == null ? Timing.DEFAULT : timing;
        if (timing.connectRetries() < 0 || timing.connectRetries() > 10) {
            throw new SpecException("connectRetries", timing.connectRetries() + " is out of range (0 to 10) (host '" + name + "')");
        }
        stepDefaults = stepDefaults == null ? HostStepDefaults.NONE : stepDefaults;
        List<String> names = new ArrayList<>(List.of(name));
        for (HostSpec j = jumpHost; j != null; j = j.jumpHost()) {
            names.add(j.name());
        }
        if (!HostRules.repeatedNames(names).isEmpty()) {
            throw new SpecException("jumpHost", "host '" + name + "' reaches itself through jump hosts " + chain(jumpHost));
        }
    }

    public static void requireName(String name) {
        HostRules.nameProblem(name).ifPresent(p -> {
            throw new SpecException("name", p);
        });
    }

    public static Builder builder(String name, String hostname) {
        return new Builder(name, hostname);
    }

    /** A builder holding this host's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(name, endpoint.hostname()).port(endpoint.port()).login(login).hostKeys(hostKeys).jumpHost(jumpHost).sudo(sudo)
                .timing(timing).stepDefaults(stepDefaults);
    }

    /** The key under which known_hosts files list this host: {@code host} on port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        return HostRules.knownHostsName(endpoint.hostname(), endpoint.port());
    }

    public String address() {
        return login.user() + "@" + endpoint.hostname() + ":" + endpoint.port();
    }

    public String describe() {
        return name + " (" + address() + (jumpHost == null ? "" : " via " + chain(jumpHost)) + ")";
    }

    /** Every secret in this host and its jump hosts, for the masker. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>(List.of(login.credentials().secrets()));
        if (jumpHost != null) {
            out.addAll(jumpHost.secrets());
        }
        return out;
    }

    private static void check(String field, Optional<String> problem, String name) {
        problem.ifPresent(p -> {
            throw new SpecException(field, p + " (host '" + name + "')");
        });
    }

    private static String chain(HostSpec first) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HostSpec j = first; j != null && seen.add(j.name()); j = j.jumpHost()) {
            names.add(j.name());
        }
        return HostRules.chain(names);
    }

    /** Names each part of a host as it is set; what is left unset takes the defaults (port 22, strict, no sudo). */
    public static final class Builder {
        private String name;
        private final String hostname;
        private int port = 22;
        private Login login;
        private HostKeyVerification hostKeys;
        private HostSpec jumpHost;
        private boolean sudo;
        private Timing timing = Timing.DEFAULT;
        private HostStepDefaults stepDefaults = HostStepDefaults.NONE;

        private Builder(String name, String hostname) {
            this.name = name;
            this.hostname = hostname;
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder port(int value) { this.port = value; return this; }
        public Builder login(Login value) { this.login = value; return this; }
        public Builder login(String user, SshCredentials credentials) { return login(new Login(user, credentials)); }
        public Builder hostKeys(HostKeyVerification value) { this.hostKeys = value; return this; }
        public Builder jumpHost(HostSpec value) { this.jumpHost = value; return this; }
        public Builder sudo(boolean value) { this.sudo = value; return this; }
        public Builder timing(Timing value) { this.timing = value; return this; }
        public Builder connectTimeout(Duration value) { return timing(new Timing(value, timing.keepAlive(), timing.connectRetries())); }
        public Builder connectRetries(int value) { return timing(new Timing(timing.connectTimeout(), timing.keepAlive(), value)); }
        public Builder stepDefaults(HostStepDefaults value) { this.stepDefaults = value; return this; }

        public HostSpec build() {
            return new HostSpec(name, new Endpoint(hostname, port), login, hostKeys, jumpHost, sudo, timing, stepDefaults);
        }
    }
}
