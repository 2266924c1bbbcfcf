package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.Origin;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Commands that probe from a host or from inside a container on it: curl (preferred), wget (busybox or GNU), the host's
 * curl in the network namespace of a container that has no tool, and a TCP connect with bash's {@code /dev/tcp} under coreutils {@code timeout}, both of which every Debian host has.
 * Built here, run by {@link RemoteProbes}; tests compare them exactly.
 *
 * <p>curl reads its options from stdin ({@code --config -}), so headers, including the credential's Authorization
 * header, never appear on a command line. wget has no such way, so a probe that needs a credential (or a method
 * other than GET and POST) refuses to use it.
 */
public final class ProbeCommands {
    /** Marks where curl's body ends and its timing line begins; a nonce per request keeps a body from faking it. */
    static final String MARKER = "@@deploy-steps-probe:";

    private static final String TCP_SCRIPT = "exec 3<>\"/dev/tcp/$1/$2\"";

    private ProbeCommands() {}

    /** {@code curl --config - --url URL}, in the container when there is one; the options come from {@link #curlConfig}. */
    public static Cmd curl(HttpRequestSpec r, Origin origin) {
        return inOrigin(origin, true, List.of("curl", "--config", "-", "--url", r.uri().toString()));
    }

    /** The curl options for {@code r}, as a config file read from stdin. */
    public static String curlConfig(HttpRequestSpec r, String nonce) {
        StringBuilder b = new StringBuilder();
        b.append("silent\nshow-error\n");
        b.append("max-time = ").append(seconds(r.timeout())).append('\n');
        if (r.method().equals("HEAD")) {
            b.append("head\n");
        } else if (!r.method().equals("GET")) {
            b.append("request = ").append(quote(r.method())).append('\n');
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            b.append("header = ").append(quote(h.getKey() + ": " + h.getValue())).append('\n');
        }
        if (r.auth() != null) {
            b.append("header = ").append(quote("Authorization: " + r.auth().headerValue())).append('\n');
        }
        if (r.body() != null) {
            b.append("data-binary = ").append(quote(r.body())).append('\n');
        }
        if (r.followRedirects()) {
            b.append("location\nmax-redirs = 10\n");
        }
        b.append("dump-header = \"-\"\n");
        b.append("output = ").append(quote(r.method().equals("HEAD") ? "/dev/null" : "-")).append('\n');
        b.append("write-out = ").append(quote("\n" + MARKER + nonce + " %{http_code} %{time_total}\n")).append('\n');
        return b.toString();
    }

    /** Why wget cannot send this request, if it cannot. */
    public static Optional<String> wgetCannot(HttpRequestSpec r) {
        if (r.auth() != null || r.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            return Optional.of("wget would need the credential on its command line, which deploy-steps never does");
        }
        if (!r.method().equals("GET") && !r.method().equals("POST")) {
            return Optional.of("wget can only send GET and POST, not " + r.method());
        }
        return Optional.empty();
    }

    /** {@code wget -q -S -O - [--header H]... [--post-data BODY] URL}: headers on stderr, the body on stdout. */
    public static Cmd wget(HttpRequestSpec r, Origin origin) {
        return wget(r, origin, false);
    }

    /** @param viaBusybox as {@code busybox wget ...}: for images with busybox but without its applet links ({@code FROM scratch}) */
    public static Cmd wget(HttpRequestSpec r, Origin origin, boolean viaBusybox) {
        List<String> argv = new ArrayList<>(viaBusybox ? List.of("busybox") : List.of());
        argv.addAll(List.of("wget", "-q", "-S", "-O", "-"));
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            argv.add("--header");
            argv.add(h.getKey() + ": " + h.getValue());
        }
        if (r.method().equals("POST")) {
            argv.add("--post-data");
            argv.add(r.body() == null ? "" : r.body());
        }
        argv.add(r.uri().toString());
        return inOrigin(origin, false, argv);
    }

    /**
     * The host's curl in the container's network namespace, for images with no tool at all ({@code FROM scratch} and a
     * static binary): the container's PID from the engine, then {@code nsenter --net} into it. curl is the host's, so
     * names resolve with the host's resolver, not the container's DNS. Joining a namespace needs root: with sudo,
     * {@code docker} and {@code nsenter} are the programs that ask for it. Options come from {@link #curlConfig} on stdin.
     */
    public static Cmd curlInNetworkOf(HttpRequestSpec r, String container) {
        return Cmd.sudoScript("""
                pid=$($SUDO docker inspect -f '{{.State.Pid}}' -- "$1") || exit 94
                case $pid in ''|0|*[!0-9]*) echo "container $1 is not running" >&2; exit 94 ;; esac
                command -v curl >/dev/null 2>&1 || { echo "curl: not found on the host" >&2; exit 127; }
                command -v nsenter >/dev/null 2>&1 || { echo "nsenter: not found on the host" >&2; exit 127; }
                exec $SUDO nsenter --target "$pid" --net -- curl --config - --url "$2\"""", container, r.uri().toString());
    }

    /** Exit code of {@link #curlInNetworkOf} when the engine names no running process for the container (curl never uses it). */
    static final int NO_PROCESS = 94;

    /** Whether {@link #curlInNetworkOf} failed because nsenter may not join the namespace (no root, no sudo). */
    static boolean namespaceRefused(io.jenkins.plugins.deploysteps.engine.target.ExecResult r) {
        String err = r.stderrText().toLowerCase(Locale.ROOT);
        return r.exitCode() != 0 && err.contains("nsenter:") && (err.contains("permission denied") || err.contains("operation not permitted"));
    }

    /** A TCP connect from the host, bounded by coreutils {@code timeout}: bash is on every Debian host, nc often is not. */
    public static Cmd tcp(TcpProbe p) {
        return Cmd.of("timeout", seconds(p.timeout()), "bash", "-c", TCP_SCRIPT, "deploy-steps-tcp", p.host(), Integer.toString(p.port()));
    }

    private static Cmd inOrigin(Origin origin, boolean stdin, List<String> argv) {
        if (origin.container() == null) {
            return Cmd.argv(argv);
        }
        List<String> all = new ArrayList<>(stdin ? List.of("docker", "exec", "-i", origin.container()) : List.of("docker", "exec", origin.container()));
        all.addAll(argv);
        return Cmd.argv(all);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** A curl config string: double quotes, with backslash escapes for what the config parser would read otherwise. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** For messages: {@code 10s}. */
    static String format(Duration d) {
        return Durations.format(d);
    }
}
