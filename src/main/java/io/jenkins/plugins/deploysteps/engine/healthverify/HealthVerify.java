package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code healthVerify}: after a deploy, is everything answering as it should? HTTP(S) checks with status, body,
 * JSON, header, redirect and latency assertions, the TLS certificate of every https URL, and probes from inside
 * a host or container (HTTP and TCP), polled until healthy or {@code waitTimeout}, several at once.
 */
public final class HealthVerify implements StepDefinition<HealthVerifySpec> {
    public static final String NAME = "healthVerify";

    /** A check's parameters, as {@code checks[].<name>} in the help and the names of the Jenkins check form. */
    public static final List<ParamDoc> CHECK_PARAMS = List.of(
            new ParamDoc("name", "string", "the URL or tcp address", "What the report calls the check; unique within the step."),
            new ParamDoc("url", "URL", "(url or tcp)", "An http:// or https:// URL to request."),
            new ParamDoc("tcp", "'host:port'", "(url or tcp)", "A plain TCP connect (database, cache)."),
            new ParamDoc("host", "string", "(from here)", "A configured host: probe from it over SSH (curl or wget; tcp with bash)."),
            new ParamDoc("container", "string", "(none)", "With host: probe from inside this container (docker exec; its curl or wget)."),
            new ParamDoc("method", "string", "'GET'", "GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS."),
            new ParamDoc("headers", "map", "[:]", "Request headers, e.g. ['Accept': 'application/json']."),
            new ParamDoc("body", "string", "(none)", "Request body."),
            new ParamDoc("credentialsId", "string", "(none)", "Secret text: bearer token; username with password: basic authentication."),
            new ParamDoc("expectStatus", "code, list or range", "'200-299'", "e.g. 200, [200, 204], '200-299', '2xx'."),
            new ParamDoc("expectBodyContains", "string", "(not checked)", "Text the body must contain."),
            new ParamDoc("expectBodyMatches", "regex", "(not checked)", "A regular expression the body must match (anywhere)."),
            new ParamDoc("expectJson", "map", "[:]", "JSONPath -> expected value, or 'exists', e.g. ['$.status': 'ok']."),
            new ParamDoc("expectHeader", "map", "[:]", "Header -> expected value, or 'exists'."),
            new ParamDoc("maxLatency", "duration", "(not checked)", "Longest time for the whole exchange, e.g. '500ms'."),
            new ParamDoc("samples", "number", "1", "Requests per attempt; min/median/p95/max go into the report."),
            new ParamDoc("p95Latency", "duration", "(not checked)", "Highest 95th percentile latency of the samples."),
            new ParamDoc("followRedirects", "boolean", "false", "Follow redirects (every hop is recorded)."),
            new ParamDoc("expectRedirectTo", "URL", "(not checked)", "The first response must redirect to exactly this URL."),
            new ParamDoc("timeout", "duration", "the step's timeout", "Bounds each request: connect, redirects and the whole body."),
            new ParamDoc("severity", "'failure' | 'warning'", "'failure'", "warning: a failure makes the build UNSTABLE, not FAILURE."));

    /** The {@code tls} map's parameters. */
    public static final List<ParamDoc> TLS_PARAMS = List.of(
            new ParamDoc("warnDays", "number", "21", "WARN when an https certificate expires in fewer days."),
            new ParamDoc("failDays", "number", "7", "FAIL when it expires in fewer days."),
            new ParamDoc("caCredentialsId", "string", "(the JVM's CAs)", "A credential holding the PEM CA bundle chains must lead to."));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Verify a deployment over HTTP(S), TLS and TCP, from here or from inside a host or container, waiting until healthy.";
    }

    @Override
    public ParamSet declarations() {
        return ParamSet.documented(params());
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(List.of(
                new ParamDoc("checks", "list of maps", "(required unless url)", "The checks; see checks[].* below."),
                new ParamDoc("url", "URL", "(none)", "One-check shorthand: a GET that must answer 2xx."),
                new ParamDoc("waitTimeout", "duration", "(no waiting)", "Poll failing checks until all pass or this much time has passed."),
                new ParamDoc("interval", "duration", "'2s'", "First pause before a failing check is tried again; doubles each time."),
                new ParamDoc("maxInterval", "duration", "'30s'", "Longest pause between attempts of a check."),
                new ParamDoc("consecutive", "number", "1", "Passes in a row a check needs to count as healthy."),
                new ParamDoc("parallelism", "number", "8", "Checks running at once."),
                new ParamDoc("timeout", "duration", "'10s'", "Default timeout of each request."),
                new ParamDoc("tls", "map", "[warnDays: 21, failDays: 7]", "Certificate thresholds and CA bundle; see tls.* below.")));
        docs.addAll(CommonParams.declarations(NAME).docs());
        CHECK_PARAMS.forEach(d -> docs.add(new ParamDoc("checks[]." + d.name(), d.type(), d.defaultValue(), d.description())));
        TLS_PARAMS.forEach(d -> docs.add(new ParamDoc("tls." + d.name(), d.type(), d.defaultValue(), d.description())));
        return docs;
    }

    @Override
    public HealthVerifySpec bind(Params params) {
        return HealthVerifyBinding.bind(params);
    }

    @Override
    public Report run(HealthVerifySpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = ctx.newReport(NAME, spec.common().reportName(), target(spec));
        CheckRunner checks = new CheckRunner(ctx, report);
        Set<String> unreachable = new HashSet<>();
        for (String host : spec.hosts()) {
            if (Connect.connect(ctx, report, "host", host) == null) {
                unreachable.add(host);
            }
        }
        Http http;
        try {
            http = new Http(spec.tls().trust());
        } catch (GeneralSecurityException e) {
            spec.checks().forEach(c -> checks.record(Check.named(c.name()).error("cannot set up TLS: " + e.getMessage())));
            return report.finish(spec.common().onFailure());
        }
        List<HealthCheckSpec> runnable = spec.checks().stream().filter(c -> !unreachable.contains(c.origin().host())).toList();
        Probes probes = new Probes(ctx, http, spec.tls());
        Map<HealthCheckSpec, Poller.Outcome> outcomes = new Poller(spec.polling(), spec.parallelism(), ctx.progress())
                .run(runnable, probes::attempt, longestAttempt(spec));
        for (HealthCheckSpec c : spec.checks()) {
            Poller.Outcome o = outcomes.get(c);
            if (o == null) {
                checks.skip(c.name(), "not connected to " + c.origin().host());
                continue;
            }
            List<Check> last = o.last().checks();
            for (int i = 0; i < last.size(); i++) {
                Check k = last.get(i).withDuration(o.took());
                if (i == 0 && o.last().healthy() && o.streak() < spec.polling().consecutive()) {
                    k = notConsecutive(k, c, o.streak(), spec.polling().consecutive());
                }
                checks.record(k);
            }
        }
        return report.finish(spec.common().onFailure());
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
