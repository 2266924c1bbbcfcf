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

    /** A socket bound for incoming connections: its address as the kernel has it, port, protocol. */
    record Listener(String address, int port, String protocol) {
        boolean wildcard() {
            return address.equals("0.0.0.0") || address.equals("::");
        }
    }

    private Listeners() {}

    /** Each table after a {@code # tcp} (tcp6, udp, udp6) header line. */
    static Cmd read() {
        return Cmd.script("for t in tcp tcp6 udp udp6; do echo \"# $t\"; cat \"/proc/net/$t\" 2>/dev/null; done").named("list the listening ports");
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
     * read), from a random start in 20000-39999 (so two deploys rarely pick the same).
     */
    static List<Integer> freePorts(List<Listener> listeners, int count, Set<Integer> excluded) {
        List<Integer> out = new ArrayList<>();
        int candidate = 20000 + ThreadLocalRandom.current().nextInt(20000);
        while (out.size() < count && candidate < 65536) {
            int port = candidate++;
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
