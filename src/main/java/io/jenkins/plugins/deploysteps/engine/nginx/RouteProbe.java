package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * Requests {@code verifyUrl} until its status is one {@code expectStatus} accepts or {@code verifyTimeout} is over.
 * A reload only signals nginx, which then starts new workers: the first requests after it may still be answered by
 * the old configuration, so one answer is never final before the time is up.
 */
final class RouteProbe {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(5);
    static final int EVIDENCE_BODY = 2000;

    private final Http http;

    RouteProbe(Http http) {
        this.http = http;
    }

    /** One way to probe, for {@link #withJvmTrust}. */
    @FunctionalInterface
    interface Probing {
        Check probe(RouteProbe probe) throws InterruptedException;
    }

    /** Probes as {@code how} says, trusting what the JVM trusts; a TLS setup that fails is an error of the check {@code c}. */
    static Check withJvmTrust(Check.Builder c, Probing how) throws InterruptedException {
        Http http;
        try {
            http = new Http(TrustSource.JVM);
        } catch (GeneralSecurityException e) {
            return c.error("cannot set up TLS: " + e.getMessage());
        }
        return how.probe(new RouteProbe(http));
    }

    /**
     * Like {@link #probe}, and then every answer for {@code settle} after the first good one must be good too: the
     * first good answer after a reload may still come from a worker with the old configuration (the reload signals
     * nginx and returns at once), which would let a broken switch pass.
     */
    Check probeSettled(RouteVerify verify, Duration settle, Check.Builder c) throws InterruptedException {
        Check first = probe(verify, c);
        if (first.status() != io.jenkins.plugins.deploysteps.engine.report.Status.PASS) {
            return first;
        }
        Check.Builder b = Check.named(first.name()).attempts(first.attempts()).expected(first.expected() + ", and for "
                + Durations.format(settle) + " after it");
        first.evidence().forEach(e -> b.evidence(e.label(), e.text()));
        long end = System.nanoTime() + settle.toNanos();
        int more = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(FIRST_PAUSE.toMillis());
            more++;
            try {
                HttpResult r = http.exchange(HttpRequestSpec.get(verify.url(), LONGEST_REQUEST));
                if (!verify.expect().accepts(r.status())) {
                    return b.actual("status " + r.status()).evidence("response after the reload settled", r.describe(EVIDENCE_BODY))
                            .fail(verify.url() + " answered " + r.status() + ", not " + verify.expect() + ", once the reload had settled");
                }
            } catch (HttpFailure e) {
                return b.actual(e.getMessage()).fail(verify.url() + " stopped answering once the reload had settled: " + e.getMessage());
            }
        }
        return b.actual(first.actual() + ", then " + more + " more").pass();
    }

    Check probe(RouteVerify verify, Check.Builder c) throws InterruptedException {
        c.expected("status " + verify.expect() + " within " + Durations.format(verify.timeout()));
        long deadline = System.nanoTime() + verify.timeout().toNanos();
        long pause = FIRST_PAUSE.toNanos();
        int attempts = 0;
        HttpResult last = null;
        HttpFailure failure = null;
        while (true) {
            attempts++;
            long left = deadline - System.nanoTime();
            Duration timeout = Duration.ofNanos(Math.max(Duration.ofMillis(200).toNanos(), Math.min(left, LONGEST_REQUEST.toNanos())));
            try {
                last = http.exchange(HttpRequestSpec.get(verify.url(), timeout));
                failure = null;
                if (verify.expect().accepts(last.status())) {
                    return c.attempts(attempts).actual("status " + last.status() + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"))
                            .evidence("response", last.describe(EVIDENCE_BODY)).pass();
                }
            } catch (HttpFailure e) {
                failure = e;
            }
            if (System.nanoTime() + pause > deadline) {
                break;
            }
            Thread.sleep(pause / 1_000_000);
            pause = Math.min(LONGEST_PAUSE.toNanos(), pause * 2);
        }
        c.attempts(attempts);
        String after = " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in " + Durations.format(verify.timeout());
        if (failure != null) {
            return c.actual(failure.getMessage()).error(failure.getMessage() + after + " (verifyTimeout)");
        }
        return c.actual("status " + last.status()).evidence("response", last.describe(EVIDENCE_BODY))
                .fail(verify.url() + " answered " + last.status() + ", not " + verify.expect() + after + " (verifyTimeout)");
    }
}
