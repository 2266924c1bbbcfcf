package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sockets listening on a host, read from the kernel's own tables ({@code /proc/net/tcp} and friends)
 * rather than from {@code ss} or {@code netstat}, which small hosts often lack.
 */
final class Listeners {
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";
    /** Below this are the well-known and commonly configured service ports. */
    private static final int FIRST_CHOICE = 10000;
    /** How many ports a range must offer to choose from. */
    private static final int ENOUGH = 1000;

    /** A socket bound for incoming connections: its address as the kernel has it, port, protocol. */
    record Listener(String address, int port, String protocol) {
        boolean wildcard() {
            return address.equals("0.0.0.0") || address.equals("::");
        }
    }

    private Listeners() {}

    /**
     * The ports the kernel hands out to outgoing connections. A port in this range may be held by a connection (a
     * health probe, an SSH session) that no listener table shows, so a port chosen there can turn out taken.
     */
    record EphemeralRange(int low, int high) {
        /** Linux's default, for a host that does not say. */
        static final EphemeralRange LINUX_DEFAULT = new EphemeralRange(32768, 60999);
    }

    /** Each table after a {@code # tcp} (tcp6, udp, udp6) header line, then the ephemeral port range after {@code # ephemeral}. */
    static Cmd read() {
        return Cmd.script("for t in tcp tcp6 udp udp6; do echo \"# $t\"; cat \"/proc/net/$t\" 2>/dev/null; done; "
                + "echo '# ephemeral'; cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null").named("list the listening ports");
    }

    /** The range after {@link #read()}'s {@code # ephemeral} line; Linux's default when the host printed none. */
    static EphemeralRange ephemeral(String tables) {
        int at = tables.indexOf("# ephemeral\n");
        if (at >= 0) {
            String[] f = tables.substring(at + "# ephemeral\n".length()).strip().split("\\s+");
            try {
                int low = Integer.parseInt(f[0]);
                int high = Integer.parseInt(f[1]);
                if (0 < low && low <= high && high < 65536) {
                    return new EphemeralRange(low, high);
                }
            } catch (RuntimeException e) {
                // not a range: keep the default
            }
        }
        return EphemeralRange.LINUX_DEFAULT;
    }

    static List<Listener> parse(String tables) {
        List<Listener> out = new ArrayList<>();
        String table = "";
        for (String raw : tables.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("# ")) {
                table = line.substring(2);
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":") || !f[1].contains(":")) {
                continue; // the header line, or something we do not understand
            }
            boolean udp = table.startsWith("udp");
            if (!f[3].equals(udp ? UDP_UNCONNECTED : TCP_LISTEN)) {
                continue;
            }
            String[] local = f[1].split(":");
            try {
                out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16), udp ? "udp" : "tcp"));
            } catch (RuntimeException e) {
                // not an address line
            }
        }
        return out;
    }

    /** The kernel prints addresses as 32-bit words in host (little-endian) byte order. */
    static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + b) * 2;
                bytes[word * 4 + 3 - b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return canonical(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }

    /** {@code 0:0:0:0:0:0:0:0} as {@code ::}, IPv4-mapped IPv6 as its IPv4 address. */
    static String canonical(String ip) {
        String lower = ip.toLowerCase(Locale.ROOT);
        if (lower.equals("0:0:0:0:0:0:0:0")) {
            return "::";
        }
        if (lower.equals("0:0:0:0:0:0:0:1")) {
            return "::1";
        }
        if (lower.startsWith("::ffff:")) {
            return lower.substring(7);
        }
        return lower;
    }

    /**
     * The listeners that hold a port the service wants: same protocol and port, and addresses that overlap (one
     * of them is a wildcard, or they are the same). Ports in {@code ownPorts} ({@code 8080/tcp}) belong to
     * this project's running containers, which the deploy replaces, and do not count.
     */
    static List<Listener> conflicts(PublishedPort wanted, List<Listener> listeners, Set<String> ownPorts) {
        if (ownPorts.contains(wanted.port() + "/" + wanted.protocol())) {
            return List.of();
        }
        List<Listener> out = new ArrayList<>();
        for (Listener l : listeners) {
            if (l.port() == wanted.port() && l.protocol().equals(wanted.protocol())
                    && (wanted.allAddresses() || l.wildcard() || l.address().equals(canonicalLiteral(wanted.hostIp())))) {
                out.add(l);
            }
        }
        return out;
    }

    private static String canonicalLiteral(String ip) {
        if (ip.matches("[0-9.]+") || ip.matches("[0-9A-Fa-f:.]+") && ip.contains(":")) {
            try {
                return canonical(InetAddress.getByName(ip).getHostAddress()); // a literal: no name lookup happens
            } catch (UnknownHostException e) {
                return ip;
            }
        }
        return ip;
    }

    /**
     * {@code count} TCP ports nothing listens on and not in {@code excluded} (ports found taken since the listeners were
     * read), from a random start (so two deploys rarely pick the same) among the ports below the ephemeral range, or above
     * it when there are too few below; only a host whose ephemeral range leaves neither gets ports from inside it.
     */
    static List<Integer> freePorts(List<Listener> listeners, EphemeralRange ephemeral, int count, Set<Integer> excluded) {
        int from = 20000;
        int to = 65535;
        if (ephemeral.low() - FIRST_CHOICE >= ENOUGH) {
            from = FIRST_CHOICE;
            to = ephemeral.low() - 1;
        } else if (65535 - ephemeral.high() >= ENOUGH) {
            from = ephemeral.high() + 1;
        }
        int span = to - from + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < span && out.size() < count; i++) {
            int port = from + (start + i) % span;
            if (!excluded.contains(port) && listeners.stream().noneMatch(l -> l.port() == port)) {
                out.add(port);
            }
        }
        return out;
    }

    /**
     * Whether a container engine refused to publish a port because something else holds it: podman's {@code bind: address
     * already in use}, Docker's {@code port is already allocated}. A port free when the listeners were read can be taken
     * by the time the engine binds it.
     */
    static boolean portTaken(String engineOutput) {
        return engineOutput.contains("address already in use") || engineOutput.contains("port is already allocated");
    }
}
