package io.jenkins.plugins.deploysteps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MailDev (the npm package scripts/install-target installs) on free 127.0.0.1 ports: SMTP for the app under test,
 * the REST API for the step. Started by pid with its own mail directory and an empty config file (so no stray
 * {@code .maildevrc} or {@code MAILDEV_*} variable changes it), no relay; stopped by that pid.
 */
public final class MailDev implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int smtpPort;
    private final int webPort;
    private final Path dir;

    private MailDev(Process process, int smtpPort, int webPort, Path dir) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.webPort = webPort;
        this.dir = dir;
    }

    public static MailDev start(Path dir) {
        TargetRequirement.programs("MailDev", "maildev");
        int smtp = freePort();
        int web = freePort();
        try {
            Files.createDirectories(dir.resolve("mail"));
            Files.writeString(dir.resolve("maildev.json"), "{}\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(List.of("maildev", "--config", dir.resolve("maildev.json").toString(), "--smtp", Integer.toString(smtp),
                    "--ip", "127.0.0.1", "--web", Integer.toString(web), "--web-ip", "127.0.0.1", "--mail-directory", dir.resolve("mail").toString(),
                    "--silent")).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("maildev.log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("MAILDEV_"));
            MailDev m = new MailDev(pb.start(), smtp, web, dir);
            m.awaitReady();
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("maildev exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(webUrl() + "/api/healthz")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "status " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("maildev did not answer within " + START_TIMEOUT + " (" + last + "): " + log());
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    public long pid() {
        return process.pid();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("maildev.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        return TestHttpServer.closedPort();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
