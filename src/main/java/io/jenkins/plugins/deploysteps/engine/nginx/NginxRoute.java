package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nginxRoute}: adds, updates or removes one managed reverse-proxy {@code location} in a live nginx site file
 * so that a mistake cannot take the site down: lock, read, back up, write atomically, {@code nginx -t}, reload, probe,
 * and on any failure put the file back byte for byte, test and reload again.
 */
public final class NginxRoute implements StepDefinition<NginxRouteSpec> {
    public static final String NAME = "nginxRoute";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Add, update or remove a managed reverse-proxy location in an nginx site: backup, nginx -t, reload, probe, restore on failure.";
    }

    @Override
    public ParamSet declarations() {
        return ParamSet.documented(params());
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(List.of(
                new ParamDoc("host", "string", "(required)", "A configured host name."),
                new ParamDoc("site", "string", "(required)", "The site file on the host, e.g. '/etc/nginx/sites-enabled/app' (a symlink is followed)."),
                new ParamDoc("location", "string", "(required)", "The location path, e.g. '/api/new-feature/' (a prefix location)."),
                new ParamDoc("state", "'present' | 'absent'", "'present'", "Add or update the managed location, or remove it."),
                new ParamDoc("serverName", "string", "the file's only server block", "Which server block: the one whose server_name lists this name."),
                new ParamDoc("proxyPass", "string", "(required when present)", "The upstream URL, e.g. 'http://127.0.0.1:3000/'."),
                new ParamDoc("headers", "map", "Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto",
                        "proxy_set_header values to add or change: a literal, one vetted nginx variable ($host...), or '' to not pass it."),
                new ParamDoc("websocket", "boolean", "false", "Pass WebSocket upgrades (HTTP/1.1, Upgrade and Connection headers)."),
                new ParamDoc("proxyReadTimeout", "duration", "(nginx's: 60s)", "proxy_read_timeout, e.g. '120s'."),
                new ParamDoc("clientMaxBodySize", "size", "(nginx's: 1MB)", "client_max_body_size, e.g. '10MB'."),
                new ParamDoc("verifyUrl", "string", "(no probe)", "A URL requested after the reload; the change is undone if it does not answer as expected."),
                new ParamDoc("expectStatus", "status list", "'200-399'", "The statuses verifyUrl may answer with: 200, '2xx', '200-399', [200, 204]."),
                new ParamDoc("verifyTimeout", "duration", "'10s'", "How long verifyUrl gets to answer as expected after the reload."),
                new ParamDoc("testCommand", "string", "the host's nginxTestCommand, else 'nginx -t'", "Tests the whole configuration (plain words, no shell syntax)."),
                new ParamDoc("reloadCommand", "string", "the host's nginxReloadCommand, else 'nginx -s reload'", "Reloads nginx (plain words)."),
                new ParamDoc("backupDir", "string", "'/var/backups/deploy-steps/nginx/<site>'",
                        "Where backups of the site file are kept on the host; never inside the site's directory."),
                new ParamDoc("keepBackups", "number", "5", "How many backups of the site file stay on the host."),
                new ParamDoc("lockTimeout", "duration", "'2m'", "How long to wait for another run on the same site file."),
                new ParamDoc("timeout", "duration", "'30s'", "Timeout of each remote command."),
                new ParamDoc("dryRun", "boolean", "false", "Show the diff and test the configuration with it, in a private mount namespace; change nothing.")));
        docs.addAll(CommonParams.declarations(NAME).docs());
        return docs;
    }

    @Override
    public NginxRouteSpec bind(Params p) {
        return NginxRouteBinding.bind(p);
    }

    @Override
    public Report run(NginxRouteSpec spec, RunContext ctx) throws InterruptedException {
        RouteTarget t = spec.target();
        ReportBuilder report = ctx.newReport(NAME, spec.common().reportName(), t.host() + ":" + t.site() + " " + t.location());
        Target connected = Connect.connect(ctx, report, "host", t.host());
        if (connected == null) {
            RouteRun.planned(spec).forEach(n -> new io.jenkins.plugins.deploysteps.engine.run.CheckRunner(ctx, report).skip(n, "not connected"));
            return report.finish(spec.common().onFailure());
        }
        boolean dry = spec.settings().dryRun();
        if (dry) {
            report.warn("dry run: the diff and nginx -t are real, every command that would change the host was printed instead of run");
        }
        new RouteRun(ctx, report, new HostLink(ctx, report, t.host(), connected, dry), spec).run();
        return report.finish(spec.common().onFailure());
    }
}
