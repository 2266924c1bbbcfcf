package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host port a service publishes: the address (empty for all addresses), the port and the protocol, as
 * written in a compose file's short ({@code "127.0.0.1:8080:80/tcp"}) or long ({@code published: 8080})
 * syntax. Ports compose picks itself (only a container port given) are not published in advance and are not
 * listed.
 */
public record PublishedPort(String hostIp, int port, String protocol) implements Serializable {
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    public boolean allAddresses() {
        return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::");
    }

    @Override
    public String toString() {
        String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
        return (hostIp.isEmpty() ? "" : ip + ":") + port + "/" + protocol;
    }

    /** The ports of one {@code ports:} entry, or {@link UnresolvedPortException} when it holds a variable. */
    static List<PublishedPort> parse(Object entry) {
        if (entry instanceof Map<?, ?> m) {
            return parseLong(m);
        }
        return parseShort(String.valueOf(entry));
    }

    private static List<PublishedPort> parseLong(Map<?, ?> m) {
        Object published = m.get("published");
        if (published == null) {
            return List.of();
        }
        Object ip = m.get("host_ip");
        Object protocol = m.get("protocol");
        return expand(ip == null ? "" : ip.toString(), published.toString(), protocol == null ? "tcp" : protocol.toString(), m.toString());
    }

    private static List<PublishedPort> parseShort(String spec) {
        if (spec.contains("$")) {
            throw new UnresolvedPortException(spec);
        }
        String rest = spec.trim();
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String ip = "";
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + spec + "' is not a port mapping");
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        String hostPort;
        if (parts.length == 1) {
            return List.of(); // only the container port: compose picks a free host port at start
        } else if (parts.length == 2) {
            hostPort = parts[0];
        } else if (parts.length == 3 && ip.isEmpty()) {
            ip = parts[0];
            hostPort = parts[1];
        } else {
            throw new IllegalArgumentException("'" + spec + "' is not a port mapping");
        }
        if (hostPort.isEmpty()) {
            return List.of(); // "127.0.0.1::80": address given, port picked by compose
        }
        return expand(ip, hostPort, protocol, spec);
    }

    private static List<PublishedPort> expand(String ip, String ports, String protocol, String spec) {
        if (ports.contains("$") || ip.contains("$")) {
            throw new UnresolvedPortException(spec);
        }
        Matcher m = RANGE.matcher(ports.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a port mapping");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < 1 || to > 65535 || to < from) {
            throw new IllegalArgumentException("'" + spec + "' is not a port mapping");
        }
        List<PublishedPort> out = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            out.add(new PublishedPort(ip, p, protocol.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** A port written with a variable, which only compose can resolve. */
    static final class UnresolvedPortException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnresolvedPortException(String spec) {
            super(spec);
        }
    }
}
