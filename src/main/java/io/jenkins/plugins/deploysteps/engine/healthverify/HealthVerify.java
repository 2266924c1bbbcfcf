package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code healthVerify}: after a deploy, is everything answering as it should? HTTP(S) checks with status, body,
 * JSON, header, redirect and latency assertions, the TLS certificate of every https URL, and probes from inside
 * a host or container (HTTP and TCP), polled until healthy or {@code waitTimeout}, several at once.
 */
public final class HealthVerify extends DeclaredStep<HealthVerifySpec> {
    public static final String NAME = "healthVerify";

    /** A check's parameters, as {@code checks[].<name>} in the help and the names of the Jenkins check form. */
    public static final ParamSet CHECK_PARAMS = HealthVerifyParams.Check.ALL;

    /** The {@code tls} map's parameters. */
    public static final ParamSet TLS_PARAMS = HealthVerifyParams.Tls.ALL;

    public HealthVerify() {
        super(NAME, "Verify a deployment over HTTP(S), TLS and TCP, from here or from inside a host or container, waiting until healthy.",
                HealthVerifyParams.ALL);
    }

    /**
     * Binds a list of healthVerify checks given in another step's parameter ({@code composeDeploy}'s {@code verify}), and
     * makes them a healthVerify that waits up to {@code waitTimeout} for them; errors name {@code verify[0].url}.
     */
    public static HealthVerifySpec bindChecks(Params p, String field, Duration waitTimeout) {
        return HealthVerifyBinding.bindChecks(p, field, waitTimeout);
    }

    @Override
    public HealthVerifySpec bind(Params params) {
        return HealthVerifyBinding.bind(params);
    }

    @Override
    public Report run(HealthVerifySpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, target(spec));
        CheckRunner checks = new CheckRunner(ctx, report);
        Set<String> unreachable = new HashSet<>();
        for (String host : spec.hosts()) {
            if (Connect.connect(ctx, report, "host", host) == null) {
                unreachable.add(host);
            }
        }
        runChecks(spec, ctx, unreachable, checks::record, checks::skip);
        return report.finish(spec.common().onFailure());
    }

    /** Where the checks of {@link #runChecks} go. */
    public interface Recorder {
        void record(Check check);
    }

    /** Where the checks {@link #runChecks} cannot run are noted as skipped. */
    public interface Skipper {
        void skip(String name, String why);
    }

    /**
     * Runs a healthVerify's checks (waiting and polling as it says) and hands each resulting check to {@code record}:
     * the step itself, and composeDeploy's checks of a new copy before users reach it.
     */
    public static void runChecks(HealthVerifySpec spec, RunContext ctx, Set<String> unreachable, Recorder record, Skipper skip)
            throws InterruptedException {
        Http http;
        try {
            http = new Http(spec.tls().trust());
        } catch (GeneralSecurityException e) {
            spec.checks().forEach(c -> record.record(Check.named(c.name()).error("cannot set up TLS: " + e.getMessage())));
            return;
        }
        List<HealthCheckSpec> runnable = spec.checks().stream().filter(c -> !unreachable.contains(c.origin().host())).toList();
        Probes probes = new Probes(ctx, http, spec.tls());
        Map<HealthCheckSpec, Poller.Outcome> outcomes = new Poller(spec.polling(), spec.parallelism(), ctx.progress())
                .run(runnable, probes::attempt, longestAttempt(spec));
        for (HealthCheckSpec c : spec.checks()) {
            Poller.Outcome o = outcomes.get(c);
            if (o == null) {
                skip.skip(c.name(), "not connected to " + c.origin().host());
                continue;
            }
            List<Check> last = o.last().checks();
            for (int i = 0; i < last.size(); i++) {
                Check k = last.get(i).withDuration(o.took());
                if (i == 0 && o.last().healthy() && o.streak() < spec.polling().consecutive()) {
                    k = notConsecutive(k, c, o.streak(), spec.polling().consecutive());
                }
                record.record(k);
            }
        }
    }

    /** A check whose last attempt passed, but not {@code needed} times in a row before the wait ran out, did not pass. */
    private static Check notConsecutive(Check k, HealthCheckSpec spec, int streak, int needed) {
        Check.Builder b = Check.named(k.name()).severity(spec.severity()).attempts(k.attempts()).duration(k.duration()).expected(k.expected())
                .actual(k.actual());
        k.evidence().forEach(e -> b.evidence(e.label(), e.text()));
        return b.fail("passed " + streak + " time(s) in a row, not the " + needed + " consecutive passes needed, before waitTimeout ran out");
    }

    private static String target(HealthVerifySpec spec) {
        return spec.checks().size() == 1 ? spec.checks().get(0).name() : spec.checks().size() + " checks";
    }

    private static Duration longestAttempt(HealthVerifySpec spec) {
        Duration longest = Duration.ZERO;
        for (HealthCheckSpec c : spec.checks()) {
            Duration d = c.probe() instanceof HttpProbe h ? h.request().timeout().multipliedBy(h.samples())
                    : ((HealthCheckSpec.TcpProbe) c.probe()).timeout();
            d = d.plus(RemoteProbes.COMMAND_SLACK);
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }
}
