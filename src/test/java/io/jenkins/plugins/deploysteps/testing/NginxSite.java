package io.jenkins.plugins.deploysteps.testing;

import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site file in the local target's nginx (its sites directory, which nginx includes as {@code sites/*}) with a
 * server of its own on a free 127.0.0.1 port, loaded with a real reload. Closing deletes the file and reloads, so
 * one test's site never outlives it. Requests go through nginx with the JDK client, each with a timeout.
 */
public final class NginxSite implements AutoCloseable {

    private final LocalTarget target;
    private final Path file;
    private final int port;

    private NginxSite(LocalTarget target, Path file, int port) {
        this.target = target;
        this.file = file;
        this.port = port;
    }

    /**
     * Writes {@code sites/<name>} from {@code config}, where {@code @PORT@} is replaced by a free port, reloads nginx
     * and waits until the server answers.
     */
    public static NginxSite create(LocalTarget target, String name, String config) {
        int port = freePort();
        Path file = sites(target).resolve(name);
        try {
            Files.writeString(file, config.replace("@PORT@", Integer.toString(port)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NginxSite site = new NginxSite(target, file, port);
        reload(target);
        site.awaitStatus("/", s -> s > 0, Duration.ofSeconds(20));
        return site;
    }

    /** A site file with one server: {@code server { listen 127.0.0.1:@PORT@; <inner> }}, the closing brace on a line of its own. */
    public static NginxSite withServer(LocalTarget target, String name, String inner) {
        return create(target, name, "server {\n    listen 127.0.0.1:@PORT@;\n" + inner + "}\n");
    }

    public static Path sites(LocalTarget target) {
        return Path.of(target.get("NGINX_SITES"));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target's own reload command, as target.env gives it. */
    public static void reload(LocalTarget target) {
        LocalTarget.run(Arrays.asList(target.get("NGINX_RELOAD_CMD").split(" ")), Duration.ofSeconds(30));
    }

    /** The target's own test command; its output, whether it passed or not. */
    public static String test(LocalTarget target) {
        return LocalTarget.run(Arrays.asList(target.get("NGINX_TEST_CMD").split(" ")), Duration.ofSeconds(30), null, Map.of(), false);
    }

    /** The target's nginx commands as per-host defaults (Deploy hosts' nginxTestCommand and nginxReloadCommand). */
    public static HostStepDefaults hostDefaults(LocalTarget target) {
        return HostStepDefaults.parse(null, target.get("NGINX_TEST_CMD"), target.get("NGINX_RELOAD_CMD"));
    }

    /** nginxRoute parameters for this site on host {@code local}: {@code location} proxied to the upstream on 127.0.0.1, verified at {@code location + "ping"}. */
    public Map<String, Object> routeParams(String location, int upstreamPort, Path backupDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("host", "local");
        p.put("site", file.toString());
        p.put("location", location);
        p.put("proxyPass", "http://127.0.0.1:" + upstreamPort);
        p.put("verifyUrl", url(location + "ping"));
        p.put("backupDir", backupDir.toString());
        return p;
    }

    public Path file() {
        return file;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public String sha256() {
        return sha256(bytes());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code status body} of a GET through nginx, or {@code 0 <error>} when there was no response. */
    public Response get(String path) {
        try {
            // A new client (so a new connection) per request: a kept-alive connection to a worker that a reload is
            // retiring would still be answered with the old configuration.
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body) {}

    /** Waits until a GET of {@code path} answers with a status {@code ok} accepts (nginx reloads in the background). */
    public Response awaitStatus(String path, java.util.function.IntPredicate ok, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        while (true) {
            last = get(path);
            if (ok.test(last.status()) || System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until a GET of {@code path} answers 200 with {@code body}. */
    public Response awaitBody(String path, String body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Response last = get(path);
        while (!(last.status() == 200 && last.body().equals(body)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = get(path);
        }
        return last;
    }

    public Response awaitStatus(String path, int status) {
        return awaitStatus(path, s -> s == status, Duration.ofSeconds(15));
    }

    /** Everything in the sites directory, hidden names included. */
    public static List<String> sitesListing(LocalTarget target) {
        try (var files = Files.list(sites(target))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reload(target);
    }
}
