package io.jenkins.plugins.deploysteps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small compose project for the compose tests: an image built {@code FROM scratch} with busybox (no registry
 * is reachable) whose httpd answers on a published 127.0.0.1 port with the app's version. podman's storage is
 * shared by everything on the machine, so every app has its own project name and labels its images, and
 * {@link #close()} removes exactly what it created: containers, images (also those of failed builds), networks.
 */
public final class ComposeApp implements AutoCloseable {
    public static final String LABEL = "deploy-steps-test";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .proxy(java.net.ProxySelector.of(null)).build();

    private final LocalTarget target;
    private final String project;
    private final Path dir;
    private final Path backups;
    private final int port;

    private ComposeApp(LocalTarget target, String project, Path dir, Path backups, int port) {
        this.target = target;
        this.project = project;
        this.dir = dir;
        this.backups = backups;
        this.port = port;
    }

    /** A new app (version v1, healthcheck on) in {@code parent}, with a unique project name. */
    public static ComposeApp create(LocalTarget target, Path parent) {
        String project = "dst" + randomSuffix();
        try {
            Path dir = Files.createDirectories(parent.resolve(project));
            Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.createDirectories(dir.resolve("www"));
            ComposeApp app = new ComposeApp(target, project, dir, parent.resolve("backups-" + project), freePort());
            app.version("v1").write("www/ready", "ready\n").dockerfile(app.defaultDockerfile()).compose(app.defaultCompose(true));
            Files.writeString(dir.resolve(".env"), "DATABASE_URL=postgres://app:db-pw-7731@db/app\nJWT_SECRET=jwt-secret-5519\nEMPTY=\n");
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSuffix() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        Random r = new Random();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String project() {
        return project;
    }

    public Path dir() {
        return dir;
    }

    public Path backups() {
        return backups;
    }

    public int port() {
        return port;
    }

    /** The env values of the app's .env: they must never show up in a log or a report. */
    public static List<String> secretValues() {
        return List.of("postgres://app:db-pw-7731@db/app", "db-pw-7731", "jwt-secret-5519");
    }

    public String defaultDockerfile() {
        return dockerfileText("CMD [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM; /bin/busybox httpd -f -v -p 8080 -h /www & wait\"]");
    }

    /** FROM scratch with busybox (also as /bin/sh, which podman-compose's healthchecks call) and the site, then {@code tail}. */
    public String dockerfileText(String... tail) {
        StringBuilder b = new StringBuilder("FROM scratch\nLABEL " + LABEL + "=" + project + "\nCOPY busybox /bin/busybox\n"
                + "COPY busybox /bin/sh\nCOPY www /www\n");
        for (String line : tail) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /**
     * The web service; its healthcheck asks the app for {@code /ready}, which a version without the file never
     * answers. The start period keeps such a version "starting" (failures do not count yet) rather than
     * unhealthy, so a deploy of it runs into its waitTimeout.
     */
    public String defaultCompose(boolean healthcheck) {
        return compose("", healthcheck ? healthcheck("[\"CMD\", \"/bin/busybox\", \"wget\", \"-q\", \"-O\", \"/dev/null\", "
                + "\"http://127.0.0.1:8080/ready\"]", "60s") : "");
    }

    /** The next version never gets healthy: its site has no {@code /ready}. */
    public ComposeApp neverReady() {
        try {
            Files.deleteIfExists(dir.resolve("www/ready"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The web service with {@code extra} settings lines (indented by four) and a healthcheck block. */
    public String compose(String extra, String healthcheck) {
        return "services:\n  web:\n    build: .\n    ports:\n      - \"127.0.0.1:" + port + ":8080\"\n    env_file: .env\n" + extra + healthcheck;
    }

    public static String healthcheck(String test, String startPeriod) {
        return "    healthcheck:\n      test: " + test + "\n      interval: 1s\n      timeout: 2s\n      retries: 2\n"
                + (startPeriod.isEmpty() ? "" : "      start_period: " + startPeriod + "\n");
    }

    public ComposeApp version(String version) {
        return write("www/index.html", version + "\n");
    }

    public ComposeApp dockerfile(String content) {
        return write("Dockerfile", content);
    }

    public ComposeApp compose(String content) {
        return write("docker-compose.yml", content);
    }

    public ComposeApp write(String relative, String content) {
        try {
            Files.writeString(dir.resolve(relative), content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds and starts the current version directly with docker-compose (a baseline the step then replaces). */
    public void upWithDockerCompose() {
        run(List.of("docker-compose", "-p", project, "up", "-d", "--build"), true);
    }

    public void upWithPodmanCompose() {
        run(List.of("podman-compose", "-p", project, "up", "-d", "--build"), true);
    }

    /** The body the app serves now, or the error that stopped it. */
    public String http() {
        return get(port, "/");
    }

    /** The body 127.0.0.1:port answers {@code path} with (5 s at most), "HTTP <status>", or what stopped it. */
    public static String get(int port, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body().strip() : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The ids of the project's containers, running or not, sorted. */
    public List<String> containerIds() {
        String out = run(List.of("podman", "ps", "-aq", "--no-trunc", "--filter", "label=com.docker.compose.project=" + project), true);
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** SHA-256 of every file under the app's directory and its backup folder, by path: what "nothing changed" compares. */
    public Map<String, String> fileChecksums() {
        Map<String, String> out = new TreeMap<>();
        for (Path root : List.of(dir, backups)) {
            if (!Files.exists(root)) {
                continue;
            }
            try (var files = Files.walk(root)) {
                for (Path f : files.toList()) {
                    out.put(f.toString(), Files.isRegularFile(f) ? sha256(Files.readAllBytes(f)) : "dir");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** composeDeploy parameters for this app on host {@code local}, with short waits for tests. */
    public Map<String, Object> params(Object... more) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("host", "local");
        p.put("dir", dir.toString());
        p.put("project", project);
        p.put("backupDir", backups.toString());
        p.put("stableFor", "1s");
        p.put("waitTimeout", "60s");
        p.put("composeTimeout", "3m");
        p.put("logsTail", 20);
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    /** Removes the app's containers, the containers of its failed builds, its images and its networks. */
    @Override
    public void close() {
        for (String id : containerIds()) {
            run(List.of("podman", "rm", "-f", "-t", "1", id), false);
        }
        List<String> images = run(List.of("podman", "images", "-a", "-q", "--no-trunc", "--filter", "label=" + LABEL + "=" + project), false)
                .lines().filter(l -> !l.isBlank()).map(l -> l.replaceFirst("^sha256:", "")).toList();
        String external = run(List.of("podman", "ps", "-a", "--external", "--no-trunc", "--format", "{{.ID}} {{.ImageID}}"), false);
        for (String line : external.lines().toList()) {
            String[] f = line.split(" ");
            if (f.length == 2 && images.stream().anyMatch(i -> f[1].replaceFirst("^sha256:", "").startsWith(i))) {
                run(List.of("podman", "rm", "-f", f[0]), false);
            }
        }
        List<String> rmi = new ArrayList<>(List.of("podman", "rmi", "-f"));
        rmi.addAll(images);
        if (!images.isEmpty()) {
            run(rmi, false);
        }
        run(List.of("podman", "network", "rm", "-f", project + "_default"), false);
    }

    private String run(List<String> command, boolean mustSucceed) {
        return LocalTarget.run(command, COMMAND_TIMEOUT, dir, Map.of("DOCKER_HOST", target.get("DOCKER_HOST")), mustSucceed);
    }
}
