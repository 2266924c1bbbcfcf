package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A blue-green deploy's checks of the new copy before users reach it: the verify checks, then the magic-link login.
 * They are written as the user would check the live service, on its published port ({@code http://127.0.0.1:3000/health});
 * here that port becomes the copy's temporary one. A URL that addresses no routed service's published port would test
 * the old version, so it is an error rather than a pass.
 */
final class CopyChecks {
    /** The first check of a magic-link login that reaches the app: where a baseUrl off the copy, or a skipped login, is recorded. */
    static final String MAGIC_LINK = "request magic link";

    private final ComposeRun run;
    private final Map<String, Integer> temporary;
    private final Map<String, NewCopy.Mapping> live;
    private final String prefix;

    /**
     * @param temporary per routed service, the copy's temporary host port
     * @param live per routed service, the published port users reach the old version on
     */
    CopyChecks(ComposeRun run, Map<String, Integer> temporary, Map<String, NewCopy.Mapping> live, String prefix) {
        this.run = run;
        this.temporary = temporary;
        this.live = live;
        this.prefix = prefix;
    }

    void run(HealthVerifySpec spec) throws InterruptedException {
        List<HealthCheckSpec> aimed = new ArrayList<>();
        for (HealthCheckSpec c : spec.checks()) {
            HealthCheckSpec a = aim(c);
            if (a == null) {
                run.record(Check.named(prefix + c.name()).error(offTheCopy()));
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

    /** The magic-link login against the copy, its checks named with the prefix; its mailbox or user record command may need other hosts. */
    void magicLink(MagicLinkSpec spec) throws InterruptedException {
        URI base = spec.app().baseUrl();
        URI moved = onTheCopy(base);
        if (moved == null) {
            run.record(Check.named(prefix + MAGIC_LINK).error("baseUrl " + base + " " + offTheCopy()));
            return;
        }
        Map<String, Target> hosts = new LinkedHashMap<>();
        for (String host : spec.hosts()) {
            Target t = host.equals(run.target.host()) ? run.link : Connect.connect(run.ctx, run.report, "host", host);
            if (t == null) {
                // the login would be skipped in part, and a skipped login must not let the copy through
                run.record(Check.named(prefix + MAGIC_LINK).error("not connected to " + host + ", where the login's mail or user record is read"));
                return;
            }
            hosts.put(host, t);
        }
        MagicLinkAuthCheck.runFlow(spec.at(moved), run.ctx, run.report, run.part(prefix), hosts);
    }

    private String offTheCopy() {
        return "does not address the published port of a routed service (" + String.join(", ", live.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().published()).toList()) + "): it would check the old version";
    }

    /** The check with its URL on the copy's port, named with the prefix; null when it addresses no routed service. */
    private HealthCheckSpec aim(HealthCheckSpec c) {
        if (!(c.probe() instanceof HealthCheckSpec.HttpProbe h)) {
            return null;
        }
        URI moved = onTheCopy(h.request().uri());
        if (moved == null) {
            return null;
        }
        HealthCheckSpec.HttpProbe p = new HealthCheckSpec.HttpProbe(h.request().withUri(moved), h.assertions(), h.samples(), h.p95Latency());
        return new HealthCheckSpec(c.index(), prefix + c.name(), c.origin(), p, c.severity());
    }

    /** {@code u} on the copy's port instead of a routed service's published one; null when it addresses none. */
    private URI onTheCopy(URI u) {
        String host = u.getHost() == null ? "" : u.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            return null;
        }
        for (Map.Entry<String, NewCopy.Mapping> e : live.entrySet()) {
            if (u.getPort() == e.getValue().published()) {
                try {
                    return new URI(u.getScheme(), u.getRawUserInfo(), host, temporary.get(e.getKey()), u.getRawPath(), u.getRawQuery(), null);
                } catch (URISyntaxException ex) {
                    return null;
                }
            }
        }
        return null;
    }
}
