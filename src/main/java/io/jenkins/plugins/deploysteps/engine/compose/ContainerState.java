package io.jenkins.plugins.deploysteps.engine.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container of a compose project as the container CLI described it ({@link ComposeCommands#STATE_FORMAT}).
 * The Docker and podman CLIs print the same fields in slightly different forms (RFC 3339 or Go's default time
 * format; image ids with or without {@code sha256:}); this reads both.
 *
 * @param health {@code healthy}, {@code unhealthy}, {@code starting}, or empty without a healthcheck
 * @param imageId the image the container runs, without {@code sha256:}
 * @param imageRef the image reference it was created from, e.g. {@code docker.io/library/app_web:latest}
 * @param hostPorts host ports it is configured to publish, as {@code 8080/tcp}
 */
record ContainerState(
        String id,
        String name,
        String service,
        String status,
        boolean restarting,
        int restartCount,
        String health,
        Instant created,
        Instant started,
        int exitCode,
        String imageId,
        String imageRef,
        Set<String> hostPorts) {

    private static final Pattern GO_TIME = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d)[T ](\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?\\s*(Z|[+-]\\d\\d:?\\d\\d)?.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean running() {
        return status.equals("running") && !restarting;
    }

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The host's clock and the containers, from {@link ComposeCommands#containerStates()}'s output. */
    record Snapshot(Instant now, List<ContainerState> containers) {
        List<ContainerState> of(String service) {
            return containers.stream().filter(c -> c.service().equals(service)).toList();
        }
    }

    static Snapshot parseSnapshot(String output) {
        Instant now = null;
        List<ContainerState> containers = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("now ")) {
                now = epoch(line.substring(4).strip());
            } else if (!line.isBlank()) {
                containers.add(parse(line));
            }
        }
        if (now == null) {
            throw new IllegalArgumentException("no host time in the container listing");
        }
        return new Snapshot(now, containers);
    }

    static ContainerState parse(String line) {
        String[] f = line.split("\\|", 13);
        if (f.length < 13) {
            throw new IllegalArgumentException("unexpected container description: " + line);
        }
        return new ContainerState(f[0], f[1].startsWith("/") ? f[1].substring(1) : f[1], f[2], f[3], Boolean.parseBoolean(f[4]),
                parseInt(f[5]), f[6], time(f[7]), time(f[8]), parseInt(f[9]), f[10].replaceFirst("^sha256:", ""), f[11], ports(f[12]));
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code date +%s%N}; a date without %N support prints seconds followed by a literal N. */
    static Instant epoch(String text) {
        if (text.matches("\\d{19,}")) {
            long nanos = Long.parseLong(text);
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }
        return Instant.ofEpochSecond(Long.parseLong(text.replaceAll("\\D", "")));
    }

    /** RFC 3339 ({@code 2026-01-01T12:00:00.123Z}) or Go's default ({@code 2026-01-01 12:00:00.123 +0000 UTC}). */
    static Instant time(String text) {
        Matcher m = GO_TIME.matcher(text.strip());
        if (!m.matches()) {
            return Instant.EPOCH;
        }
        String zone = m.group(4) == null || m.group(4).equals("Z") ? "Z"
                : m.group(4).length() == 5 ? m.group(4).substring(0, 3) + ":" + m.group(4).substring(3) : m.group(4);
        String fraction = m.group(3) == null ? "" : m.group(3);
        return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + fraction + zone).toInstant();
    }

    private static Set<String> ports(String json) {
        Set<String> out = new LinkedHashSet<>();
        try {
            JsonNode root = JSON.readTree(json);
            if (root != null && root.isObject()) {
                root.properties().forEach(e -> {
                    String protocol = e.getKey().contains("/") ? e.getKey().substring(e.getKey().indexOf('/') + 1) : "tcp";
                    for (JsonNode binding : e.getValue()) {
                        String port = binding.path("HostPort").asText("");
                        if (!port.isEmpty()) {
                            out.add(port + "/" + protocol);
                        }
                    }
                });
            }
        } catch (java.io.IOException e) {
            // ports unknown: the port check then treats them as not ours, which errs on the side of reporting
        }
        return out;
    }
}
