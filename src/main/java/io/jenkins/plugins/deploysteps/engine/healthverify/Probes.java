package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec.TlsPolicy;
import io.jenkins.plugins.deploysteps.engine.http.AssertionResult;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.LatencyStats;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one attempt of a check: HTTP and TCP from here directly, and from a host or container through
 * {@link RemoteProbes}. Every attempt ends in report checks; nothing but interruption escapes.
 */
record Probes(RunContext ctx, Http http, TlsPolicy tls, RemoteProbes remote) {
    Probes(RunContext ctx, Http http, TlsPolicy tls) {
        this(ctx, http, tls, new RemoteProbes(ctx));
    }

    Attempt attempt(HealthCheckSpec check, int number) throws InterruptedException {
        Check.Builder c = Check.named(check.name()).severity(check.severity()).attempts(number);
        long t0 = System.nanoTime();
        Attempt a;
        if (check.origin().remote()) {
            a = remote.attempt(check, c);
        } else if (check.probe() instanceof HttpProbe h) {
            a = http(check, h, c);
        } else {
            a = tcp((TcpProbe) check.probe(), c);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        List<Check> timed = new ArrayList<>();
        for (Check k : a.checks()) {
            timed.add(k.duration().isZero() ? k.withDuration(took) : k);
        }
        return new Attempt(timed, a.healthy(), a.summary());
    }

    /** {@code samples} requests; the first one that breaks an assertion decides, and the first response's TLS session is checked. */
    private Attempt http(HealthCheckSpec check, HttpProbe probe, Check.Builder c) throws InterruptedException {
        List<Duration> times = new ArrayList<>();
        List<AssertionResult> results = List.of();
        HttpResult response = null;
        TlsCheck.Result tlsResult = null;
        for (int i = 0; i < probe.samples(); i++) {
            try {
                response = http.exchange(probe.request());
            } catch (HttpFailure f) {
                if (f.kind() == HttpFailure.Kind.TLS && f.tls() != null && tlsResult == null) {
                    tlsResult = tls(check, f.tls());
                    Check main = c.skip("no response: the TLS handshake failed (see '" + tlsResult.check().name() + "'): " + f.getMessage());
                    return new Attempt(List.of(main, tlsResult.check()), false, "TLS: " + tlsResult.check().message());
                }
                Check main = c.error(f.getMessage());
                return new Attempt(tlsResult == null ? List.of(main) : List.of(main, tlsResult.check()), false, f.getMessage());
            }
            if (i == 0 && probe.https() && response.tls() != null) {
                tlsResult = tls(check, response.tls());
            }
            times.add(response.elapsed());
            results = Assertions.evaluate(probe.assertions(), response);
            if (!Assertions.allHeld(results)) {
                break;
            }
        }
        if (times.size() > 1 || probe.p95Latency() != null) {
            LatencyStats stats = LatencyStats.of(times);
            c.evidence("latency", stats.toString());
            if (probe.p95Latency() != null && Assertions.allHeld(results)) {
                results = new ArrayList<>(results);
                results.add(stats.p95AtMost(probe.p95Latency()));
            }
        }
        Check main = Assertions.toCheck(c, results, response);
        boolean healthy = Assertions.allHeld(results) && (tlsResult == null || tlsResult.acceptable());
        List<Check> checks = tlsResult == null ? List.of(main) : List.of(main, tlsResult.check());
        String summary = main.message() != null ? main.message() : tlsResult != null && tlsResult.check().message() != null
                ? "TLS: " + tlsResult.check().message() : "status " + response.status() + " in " + response.elapsed().toMillis() + " ms";
        return new Attempt(checks, healthy, summary);
    }

    private TlsCheck.Result tls(HealthCheckSpec check, io.jenkins.plugins.deploysteps.engine.http.TlsInfo info) {
        HttpProbe probe = (HttpProbe) check.probe();
        Check.Builder b = Check.named(check.name() + ": TLS certificate").severity(check.severity());
        return TlsCheck.evaluate(b, info, probe.request().uri().getHost(), tls, http.trustSource().describe(), ctx.clock().instant());
    }

    private static Attempt tcp(TcpProbe probe, Check.Builder c) {
        c.expected("a TCP connection to " + probe.address() + " within " + ProbeCommands.format(probe.timeout()));
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(probe.host(), probe.port()), (int) Math.min(Integer.MAX_VALUE, probe.timeout().toMillis()));
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            return new Attempt(List.of(c.actual("connected in " + ms + " ms").pass()), true, "connected in " + ms + " ms");
        } catch (UnknownHostException e) {
            return failed(c, "cannot resolve host name '" + probe.host() + "'");
        } catch (SocketTimeoutException e) {
            return failed(c, "connecting to " + probe.address() + " timed out after " + ProbeCommands.format(probe.timeout()));
        } catch (ConnectException e) {
            return failed(c, "cannot connect to " + probe.address() + ": " + e.getMessage());
        } catch (IOException e) {
            return failed(c, "cannot connect to " + probe.address() + ": " + e);
        }
    }

    /** Could not look: ERROR with the cause, and no actual value (nothing was found). */
    static Attempt failed(Check.Builder c, String why) {
        return new Attempt(List.of(c.error(why)), false, why);
    }
}
