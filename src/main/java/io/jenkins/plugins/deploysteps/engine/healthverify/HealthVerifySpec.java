package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A validated healthVerify: its checks, how long and how to wait for them, how many run at once, and the TLS
 * thresholds. Credentials are already plain values in it.
 */
public record HealthVerifySpec(List<HealthCheckSpec> checks, Polling polling, int parallelism, TlsPolicy tls, CommonParams common)
        implements StepSpec {

    /**
     * How to wait until every check passes.
     *
     * @param waitTimeout null: one round, no waiting for failing checks
     * @param interval the first pause before a failing check is tried again; it doubles up to {@code maxInterval}
     * @param consecutive passes in a row a check needs to count as healthy
     */
    public record Polling(Duration waitTimeout, Duration interval, Duration maxInterval, int consecutive) implements Serializable {
        public boolean waits() {
            return waitTimeout != null;
        }
    }

    /** Certificate expiry thresholds (days) and the CAs a chain must lead to. */
    public record TlsPolicy(int warnDays, int failDays, TrustSource trust) implements Serializable {}

    public HealthVerifySpec {
        checks = List.copyOf(checks);
    }

    @Override
    public List<String> hosts() {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        for (HealthCheckSpec c : checks) {
            if (c.origin().host() != null) {
                hosts.add(c.origin().host());
            }
        }
        return new ArrayList<>(hosts);
    }

    @Override
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        for (HealthCheckSpec c : checks) {
            if (c.probe() instanceof HealthCheckSpec.HttpProbe h) {
                out.addAll(h.request().secrets());
            }
        }
        return out;
    }
}
