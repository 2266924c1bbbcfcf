package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One check of a healthVerify: what it probes, from where, and how much a failure matters.
 *
 * @param index its place in {@code checks}, for messages ({@code checks[2]})
 */
public record HealthCheckSpec(int index, String name, Origin origin, Probe probe, Severity severity) implements Serializable {

    /**
     * Where a probe starts: the machine running the step (no host), a configured host over SSH, or a container on
     * that host.
     */
    public record Origin(String host, String container) implements Serializable {
        public static final Origin HERE = new Origin(null, null);

        public boolean remote() {
            return host != null;
        }

        /** {@code prod-1}, {@code prod-1/frontend}; null here. */
        public String describe() {
            return host == null ? null : container == null ? host : host + "/" + container;
        }
    }

    /** What a check does. */
    public sealed interface Probe extends Serializable permits HttpProbe, TcpProbe {}

    /**
     * An HTTP request and what its response must satisfy.
     *
     * @param samples requests per attempt; every response must satisfy the assertions
     * @param p95Latency null unless the 95th percentile of the samples is gated
     */
    public record HttpProbe(HttpRequestSpec request, List<Assertion> assertions, int samples, Duration p95Latency) implements Probe {
        public HttpProbe {
            assertions = List.copyOf(assertions);
        }

        public boolean https() {
            return "https".equalsIgnoreCase(request.uri().getScheme());
        }
    }

    /** A plain TCP connect to {@code host:port}. */
    public record TcpProbe(String host, int port, Duration timeout) implements Probe {
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
