package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;

/**
 * A blue-green deploy's verify checks, run against the new copy before users reach it. They are written as the user
 * would check the live service, on its published port ({@code http://127.0.0.1:3000/health}); here that port becomes
 * the copy's temporary one. A check that addresses no routed service's published port would test the old version,
 * so it is an error rather than a pass.
 */
final class CopyChecks {
    private final ComposeRun run;
    private final HealthVerifySpec spec;
    private final Map<String, Integer> temporary;
    private final String prefix;

    CopyChecks(ComposeRun run, HealthVerifySpec spec, Map<String, Integer> temporary, String prefix) {
        this.run = run;
        this.spec = spec;
        this.temporary = temporary;
        this.prefix = prefix;
    }

    void run(Map<String, NewCopy.Mapping> live) throws InterruptedException {
        List<HealthCheckSpec> aimed = new ArrayList<>();
        for (HealthCheckSpec c : spec.checks()) {
            HealthCheckSpec a = aim(c, live);
            if (a == null) {
                run.record(Check.named(prefix + c.name()).error("does not address the published port of a routed service ("
                        + String.join(", ", live.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().published()).toList())
                        + "): it would check the old version"));
            } else {
                aimed.add(a);
            }
        }
        if (aimed.isEmpty()) {
            return;
        }
        HealthVerifySpec copy = new HealthVerifySpec(aimed, spec.polling(), spec.parallelism(), spec.tls(), spec.common());
        HealthVerify.runChecks(copy, run.ctx, new HashSet<>(), run::record, run::skip);
    }

    /** The check with its URL on the copy's port, named with the prefix; null when it addresses no routed service. */
    private HealthCheckSpec aim(HealthCheckSpec c, Map<String, NewCopy.Mapping> live) {
        if (!(c.probe() instanceof HealthCheckSpec.HttpProbe h)) {
            return null;
        }
        URI u = h.request().uri();
        String host = u.getHost() == null ? "" : u.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            return null;
        }
        for (Map.Entry<String, NewCopy.Mapping> e : live.entrySet()) {
            if (u.getPort() == e.getValue().published()) {
                try {
                    URI moved = new URI(u.getScheme(), u.getRawUserInfo(), host, temporary.get(e.getKey()), u.getRawPath(), u.getRawQuery(), null);
                    HealthCheckSpec.HttpProbe p = new HealthCheckSpec.HttpProbe(h.request().withUri(moved), h.assertions(), h.samples(), h.p95Latency());
                    return new HealthCheckSpec(c.index(), prefix + c.name(), c.origin(), p, c.severity());
                } catch (URISyntaxException ex) {
                    return null;
                }
            }
        }
        return null;
    }
}
