package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.TargetRequirement;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The downtime probe's request loop, run by the real shell with the real curl against a real HTTP server that the
 * test takes away for a known time: the outage it reports is within one sample of the real one.
 */
class DowntimeProbeTest {
    private static final StatusExpectation OK = StatusExpectation.parse(List.of("200-399")).orElseThrow();

    @Test
    void aDeliberateOutageIsMeasuredWithinOneInterval() throws Exception {
        TargetRequirement.programs("the downtime probe's loop", "curl", "sh");
        int port;
        HttpServer server = serve(0);
        port = server.getAddress().getPort();
        DowntimeSettings s = new DowntimeSettings(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMillis(100),
                Duration.ofSeconds(1), OK, Duration.ofMillis(500), Severity.FAILURE);
        String started = LocalTarget.run(List.of("sh", "-c", DowntimeCommands.start(s, Duration.ofSeconds(60)).render()), Duration.ofSeconds(10));
        String file = started.strip().split(" ")[1];
        Away away = takeAwayFor1500Ms(server, port);
        long outage = away.ms();
        String out = LocalTarget.run(List.of("sh", "-c", DowntimeCommands.stop(file, s.requestTimeout()).render()), Duration.ofSeconds(20));
        away.server().stop(0);

        DowntimeSamples samples = DowntimeSamples.parse(out, OK);
        assertThat(samples.sent()).as(out).isGreaterThan(20);
        assertThat(samples.outages()).as(out).hasSize(1);
        DowntimeSamples.Outage o = samples.longest();
        assertThat(o.ongoing()).isFalse();
        assertThat(Math.abs(o.length().toMillis() - outage)).as("measured %d ms, real %d ms", o.length().toMillis(), outage).isLessThanOrEqualTo(150);
        assertThat(o.failed()).isBetween(10, 16);
        assertThat(java.nio.file.Path.of(file)).as("the loop removes its file when stopped").doesNotExist();
    }

    @Test
    void fromTheAgentADeliberateOutageIsMeasuredWithinOneInterval() throws Exception {
        HttpServer server = serve(0);
        int port = server.getAddress().getPort();
        DowntimeSettings s = new DowntimeSettings(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofMillis(100),
                Duration.ofSeconds(1), OK, Duration.ofMillis(500), Severity.FAILURE, DowntimeSettings.From.AGENT);
        AgentDowntimeLoop loop = new AgentDowntimeLoop(s);
        assertThat(loop.start(Duration.ofSeconds(60))).as("the URL answers here").isNull();
        Away away = takeAwayFor1500Ms(server, port);
        long outage = away.ms();
        DowntimeSamples samples = loop.stop();
        away.server().stop(0);

        assertThat(samples.sent()).isGreaterThan(20);
        assertThat(samples.outages()).hasSize(1);
        DowntimeSamples.Outage o = samples.longest();
        assertThat(o.ongoing()).isFalse();
        assertThat(Math.abs(o.length().toMillis() - outage)).as("measured %d ms, real %d ms", o.length().toMillis(), outage).isLessThanOrEqualTo(150);
        int sent = samples.sent();
        Thread.sleep(300);
        assertThat(loop.stop().sent()).as("no request after stop").isEqualTo(sent);
    }

    @Test
    void fromTheAgentAUrlThatDoesNotAnswerThereIsRefusedAndNothingLoops() throws Exception {
        DowntimeSettings s = new DowntimeSettings(URI.create("http://127.0.0.1:9/"), Duration.ofMillis(50), Duration.ofMillis(500), OK, null,
                Severity.FAILURE, DowntimeSettings.From.AGENT);
        AgentDowntimeLoop loop = new AgentDowntimeLoop(s);
        assertThat(loop.start(Duration.ofSeconds(60))).as("why it cannot measure from here").isNotBlank();
        Thread.sleep(300);
        assertThat(loop.stop().sent()).as("only the first request").isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("downtime probe http://127.0.0.1:9/");
    }

    @Test
    void theLoopStopsByItselfAtItsDeadlineAndWhenItsFileIsGone() throws Exception {
        TargetRequirement.programs("the downtime probe's loop", "curl", "sh");
        DowntimeSettings s = new DowntimeSettings(URI.create("http://127.0.0.1:9/"), Duration.ofMillis(50), Duration.ofMillis(200), OK, null,
                Severity.FAILURE);
        String file = LocalTarget.run(List.of("sh", "-c", DowntimeCommands.start(s, Duration.ofSeconds(1)).render()), Duration.ofSeconds(10))
                .strip().split(" ")[1];
        Thread.sleep(3000);
        long lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file)).size();
        Thread.sleep(500);
        assertThat(java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))).as("no request after the deadline").hasSize((int) lines);
        java.nio.file.Files.delete(java.nio.file.Path.of(file));
    }

    @Test
    void samplesMakeOutagesFromTheFirstFailedRequestToTheNextServedOne() {
        DowntimeSamples s = DowntimeSamples.parse("""
                1000000000000000000 200
                1000000000100000000 502
                1000000000200000000 000
                1000000000300000000 200
                1000000000400000000 200
                1000000000500000000 503
                garbage
                """, OK);
        assertThat(s.sent()).isEqualTo(6);
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.outages()).hasSize(2);
        assertThat(s.longest().length()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.outages().get(1).ongoing()).isTrue();
        assertThat(s.statusCounts()).isEqualTo("200: 3, 502: 1, 503: 1, no answer: 1");
        assertThat(DowntimeCommands.seconds(Duration.ofMillis(100))).isEqualTo("0.1");
        assertThat(DowntimeCommands.seconds(Duration.ofSeconds(2))).isEqualTo("2");
    }

    /** The server serving again after an outage, and how long it was away. */
    private record Away(HttpServer server, long ms) {}

    /** After a second of service, stops the server for 1.5 s, then serves again on the same port for a second. */
    private static Away takeAwayFor1500Ms(HttpServer server, int port) throws Exception {
        Thread.sleep(1000);
        long down = System.nanoTime();
        server.stop(0);
        Thread.sleep(1500);
        HttpServer again = serve(port);
        long outage = (System.nanoTime() - down) / 1_000_000;
        Thread.sleep(1000);
        return new Away(again, outage);
    }

    private static HttpServer serve(int port) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", x -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        return server;
    }
}
