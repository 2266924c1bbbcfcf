package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed {@code location} block as validated, typed values; {@link #lines} is the only place nginx syntax is
 * written, and nothing in it is free-form text.
 *
 * @param proxyPass the upstream URL, rebuilt from its validated parts
 * @param proxyReadTimeout null: nginx's default
 * @param clientMaxBodySize null: nginx's default
 */
public record Route(String location, String proxyPass, List<ProxyHeader> headers, boolean websocket, Duration proxyReadTimeout,
        ByteSize clientMaxBodySize) implements Serializable {

    static final String MARKER = "deploy-steps nginxRoute ";

    public Route {
        headers = List.copyOf(headers);
    }

    static String begin(String location) {
        return "BEGIN " + MARKER + location;
    }

    static String end(String location) {
        return "END " + MARKER + location;
    }

    /** The block, marker comments included, each line without its line ending. */
    List<String> lines(String indent, String unit) {
        String in = indent + unit;
        List<String> out = new ArrayList<>();
        out.add(indent + "# " + begin(location));
        out.add(indent + "location " + location + " {");
        out.add(in + "proxy_pass " + proxyPass + ";");
        if (websocket) {
            out.add(in + "proxy_http_version 1.1;");
        }
        for (ProxyHeader h : headers) {
            out.add(in + "proxy_set_header " + h.name() + " " + h.rendered() + ";");
        }
        if (websocket) {
            out.add(in + "proxy_set_header Upgrade $http_upgrade;");
            out.add(in + "proxy_set_header Connection \"upgrade\";");
        }
        if (proxyReadTimeout != null) {
            out.add(in + "proxy_read_timeout " + Durations.format(proxyReadTimeout) + ";");
        }
        if (clientMaxBodySize != null) {
            out.add(in + "client_max_body_size " + size(clientMaxBodySize.bytes()) + ";");
        }
        out.add(indent + "}");
        out.add(indent + "# " + end(location));
        return out;
    }

    /** nginx's size syntax: bytes, or k, m, g when they divide evenly. */
    static String size(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "g";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "m";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "k";
        }
        return Long.toString(bytes);
    }
}
