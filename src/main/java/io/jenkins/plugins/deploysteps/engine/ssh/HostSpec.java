package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything needed to reach one configured host, as plain serializable values: the Jenkins adapter builds it
 * from the Deploy hosts configuration and credentials, the CLI from a plan's {@code hosts:}.
 *
 * @param name what steps call the host ({@code prod-1})
 * @param defaults per-host defaults later steps read (compose command, nginx test and reload commands)
 */
public record HostSpec(
        String name,
        String hostname,
        int port,
        String user,
        SshCredentials credentials,
        HostKeyVerification hostKeys,
        HostSpec jumpHost,
        boolean sudo,
        Duration connectTimeout,
        Duration keepAlive,
        int connectRetries,
        Map<String, String> defaults)
        implements Serializable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    public static final int DEFAULT_CONNECT_RETRIES = 1;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@-]*\\$?");

    public HostSpec {
        requireName(name);
        if (hostname == null || !HOSTNAME.matcher(hostname).matches()) {
            throw new SpecException("hostname", "'" + hostname + "' is not a host name or IP address (host '" + name + "')");
        }
        if (port < 1 || port > 65535) {
            throw new SpecException("port", port + " is not a TCP port (1 to 65535) (host '" + name + "')");
        }
        if (user == null || !USER.matcher(user).matches()) {
            throw new SpecException("user", "'" + user + "' is not a user name (host '" + name + "')");
        }
        Objects.requireNonNull(credentials, "credentials");
        hostKeys = hostKeys == null ? HostKeyVerification.strict(List.of()) : hostKeys;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        keepAlive = keepAlive == null ? DEFAULT_KEEP_ALIVE : keepAlive;
        if (connectRetries < 0 || connectRetries > 10) {
            throw new SpecException("connectRetries", connectRetries + " is out of range (0 to 10) (host '" + name + "')");
        }
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        Set<String> seen = new HashSet<>();
        seen.add(name);
        for (HostSpec j = jumpHost; j != null; j = j.jumpHost()) {
            if (!seen.add(j.name())) {
                throw new SpecException("jumpHost", "host '" + name + "' reaches itself through jump hosts " + chain(jumpHost));
            }
        }
    }

    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SpecException("name", "'" + name + "' is not a host name: use letters, digits, '.', '-' and '_', no spaces");
        }
    }

    /** The key under which known_hosts files list this host: {@code host} on port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    public String address() {
        return user + "@" + hostname + ":" + port;
    }

    public String describe() {
        return name + " (" + address() + (jumpHost == null ? "" : " via " + chain(jumpHost)) + ")";
    }

    public String defaultFor(String key) {
        return defaults.get(key);
    }

    /** Every secret in this host and its jump hosts, for the masker. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>(List.of(credentials.secrets()));
        if (jumpHost != null) {
            out.addAll(jumpHost.secrets());
        }
        return out;
    }

    private static String chain(HostSpec first) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HostSpec j = first; j != null && seen.add(j.name()); j = j.jumpHost()) {
            names.add(j.name());
        }
        return String.join(" -> ", names);
    }
}
