package io.jenkins.plugins.deploysteps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two containers for probes from inside a container, each serving {@code /health} on its own 127.0.0.1:8080: one with
 * busybox and its applets (wget), and one with no tool at all, an image {@code FROM scratch} holding a single static
 * binary (busybox's httpd, under the name {@code /httpd}, so no {@code curl}, {@code wget} or {@code busybox} is found
 * in it). podman's storage is shared: names carry a random suffix and {@link #close()} removes only these.
 */
public final class ProbeContainers implements AutoCloseable {
    private static final String HEALTH = "{\"status\":\"ok\"}";

    private final LocalTarget target;
    private final String suffix;
    private final List<List<String>> cleanup = new ArrayList<>();

    private ProbeContainers(LocalTarget target) {
        this.target = target;
        byte[] n = new byte[3];
        ThreadLocalRandom.current().nextBytes(n);
        this.suffix = HexFormat.of().formatHex(n);
    }

    public static ProbeContainers start(LocalTarget target, Path build) {
        ProbeContainers c = new ProbeContainers(target);
        try {
            c.startAll(build);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return c;
    }

    private void startAll(Path build) throws IOException {
        Path full = build.resolve("probe-busybox-" + suffix);
        Files.createDirectories(full.resolve("rootfs/bin"));
        Files.createDirectories(full.resolve("rootfs/www"));
        Files.copy(Path.of("/bin/busybox"), full.resolve("rootfs/bin/busybox"));
        for (String applet : List.of("sh", "wget", "httpd")) {
            Files.createSymbolicLink(full.resolve("rootfs/bin/" + applet), Path.of("busybox"));
        }
        Files.writeString(full.resolve("rootfs/www/health"), HEALTH);
        Files.writeString(full.resolve("Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nCMD [\"/bin/httpd\", \"-f\", \"-p\", \"127.0.0.1:8080\", \"-h\", \"/www\"]\n");
        Path bare = build.resolve("probe-bare-" + suffix);
        Files.createDirectories(bare.resolve("rootfs/www"));
        Files.copy(Path.of("/bin/busybox"), bare.resolve("rootfs/httpd")); // run as "httpd", the binary is that applet alone
        Files.writeString(bare.resolve("rootfs/www/health"), HEALTH);
        Files.writeString(bare.resolve("Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nCMD [\"/httpd\", \"-f\", \"-p\", \"127.0.0.1:8080\", \"-h\", \"/www\"]\n");
        build(full, busybox());
        build(bare, bare());
        run(busybox());
        run(bare());
    }

    /** The container with busybox and its applets. */
    public String busybox() {
        return "ds-probe-busybox-" + suffix;
    }

    /** The container with no tool at all. */
    public String bare() {
        return "ds-probe-bare-" + suffix;
    }

    private void build(Path dir, String name) {
        docker("build", "-q", "-t", name + ":1", dir.toString());
        cleanup.add(0, List.of("rmi", "-f", name + ":1"));
    }

    private void run(String name) {
        docker("run", "-d", "--name", name, name + ":1");
        cleanup.add(0, List.of("rm", "-f", "-t", "1", name));
    }

    public String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "DOCKER_HOST=" + target.get("DOCKER_HOST"), "docker"));
        cmd.addAll(List.of(args));
        return LocalTarget.run(cmd, Duration.ofSeconds(120));
    }

    @Override
    public void close() {
        for (List<String> c : cleanup) {
            try {
                docker(c.toArray(String[]::new));
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
        cleanup.clear();
    }
}
