package io.jenkins.plugins.deploysteps.engine.ssh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules every host list follows, whichever front end wrote it (Deploy hosts in Jenkins, a plan's {@code hosts:}):
 * what a name and an address look like, when strict verification lacks keys, the name known_hosts files list a host
 * under, unknown and repeated names, and jump hosts that lead back to where they started. Each front end only says
 * where the problem is (a form field, {@code hosts.web}).
 */
public final class HostRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._@-]*\\$?");

    /** How every "strict verification without keys" message begins; the front end says where keys come from. */
    public static final String STRICT_NEEDS_KEYS = "strict host key verification needs ";

    private HostRules() {}

    /** What steps call a host ({@code prod-1}). */
    public static Optional<String> nameProblem(String name) {
        return name != null && NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("'" + name + "' is not a host name: use letters, digits, '.', '-' and '_', no spaces");
    }

    public static Optional<String> hostnameProblem(String hostname) {
        return hostname != null && HOSTNAME.matcher(hostname).matches() ? Optional.empty()
                : Optional.of("'" + hostname + "' is not a host name or IP address");
    }

    public static Optional<String> portProblem(int port) {
        return port >= 1 && port <= 65535 ? Optional.empty() : Optional.of(port + " is not a TCP port (1 to 65535)");
    }

    public static Optional<String> userProblem(String user) {
        return user != null && USER.matcher(user).matches() ? Optional.empty() : Optional.of("'" + user + "' is not a user name");
    }

    /** The key under which known_hosts files list a host: {@code host} on port 22, else {@code [host]:port}. */
    public static String knownHostsName(String hostname, int port) {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }

    /** Strict verification with neither known_hosts lines nor a known_hosts file has nothing to verify against. */
    public static boolean lacksKeys(HostKeyMode mode, List<String> knownHosts, String knownHostsFile) {
        boolean noLines = knownHosts == null || knownHosts.stream().allMatch(l -> l == null || l.isBlank());
        return mode == HostKeyMode.STRICT && noLines && (knownHostsFile == null || knownHostsFile.isBlank());
    }

    public static String unknownHost(String name) {
        return "unknown host '" + name + "'";
    }

    /** A host names a jump host that the list does not have. */
    public static String jumpHostNotConfigured(String host, String jump) {
        return "host '" + host + "': jump host '" + jump + "' is not configured";
    }

    /** Each name used more than once, once, in the order of its second use. */
    public static List<String> repeatedNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return List.copyOf(repeated);
    }

    /**
     * The jump hosts from {@code start} when they lead back to a host already on the way: the names in order, ending
     * with the one seen again ({@code a, b, a}); empty when the chain ends.
     *
     * @param jumpOf the jump host a host names; null when it names none or is not known
     */
    public static Optional<List<String>> jumpCycle(String start, Function<String, String> jumpOf) {
        List<String> chain = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>(chain);
        for (String next = jumpOf.apply(start); next != null; next = jumpOf.apply(next)) {
            chain.add(next);
            if (!seen.add(next)) {
                return Optional.of(List.copyOf(chain));
            }
        }
        return Optional.empty();
    }

    /** The problem with a cycle {@link #jumpCycle} found. */
    public static String cycleProblem(List<String> cycle) {
        return "jump hosts form a cycle: " + chain(cycle);
    }

    /** {@code a -> b -> a}: how messages show a chain of jump hosts. */
    public static String chain(List<String> names) {
        return String.join(" -> ", names);
    }
}
