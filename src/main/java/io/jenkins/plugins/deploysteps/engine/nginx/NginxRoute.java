package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.Target;

/**
 * {@code nginxRoute}: adds, updates or removes one managed reverse-proxy {@code location} in a live nginx site file
 * so that a mistake cannot take the site down: lock, read, back up, write atomically, {@code nginx -t}, reload, probe,
 * and on any failure put the file back byte for byte, test and reload again.
 */
public final class NginxRoute extends DeclaredStep<NginxRouteSpec> {
    public static final String NAME = "nginxRoute";

    public NginxRoute() {
        super(NAME, "Add, update or remove a managed reverse-proxy location in an nginx site: backup, nginx -t, reload, probe, restore on failure.",
                NginxRouteParams.ALL);
    }

    @Override
    public NginxRouteSpec bind(Params p) {
        return NginxRouteBinding.bind(p);
    }

    @Override
    public Report run(NginxRouteSpec spec, RunContext ctx) throws InterruptedException {
        RouteTarget t = spec.target();
        ReportBuilder report = newReport(ctx, spec, t.host() + ":" + t.site() + " " + t.location());
        Target connected = Connect.connect(ctx, report, "host", t.host());
        boolean dry = spec.settings().dryRun();
        if (connected != null && dry) {
            report.warn("dry run: the diff and nginx -t are real, every command that would change the host was printed instead of run");
        }
        new RouteRun(ctx, report, spec).run(connected == null ? Outcome.missing("not connected")
                : Outcome.of(new HostLink(ctx, report, t.host(), connected, dry)));
        return report.finish(spec.common().onFailure());
    }
}
