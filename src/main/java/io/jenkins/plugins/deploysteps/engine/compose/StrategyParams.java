package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteBinding;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** composeDeploy's strategy parameters: which strategy, blue-green's routes and checks, and the downtime probe. */
final class StrategyParams {
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_DRAIN = Duration.ofSeconds(2);
    static final StatusExpectation DEFAULT_EXPECT = new StatusExpectation(List.of(new StatusExpectation.Range(200, 399)));
    private static final Pattern URL_CHARS = Pattern.compile("[A-Za-z0-9._~/?&=+,;:@!*'()%\\[\\]-]{1,2048}");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> BLUE_GREEN_ONLY = List.of("routes", "verify", "drainTime", "nginxTestCommand", "nginxReloadCommand",
            "nginxBackupDir");

    static final List<ParamDoc> DOCS = List.of(
            new ParamDoc("strategy", "'build-first' | 'recreate' | 'blue-green'", "'build-first'",
                    "build-first: build while the old version serves, then stop and start; recreate: stop, build, start; "
                            + "blue-green: start the new version beside the old one, verify it, switch nginx to it."),
            new ParamDoc("routes", "list of maps", "(required for blue-green)",
                    "The services nginx proxies to: [service: 'backend', port: 3000, site: '/etc/nginx/sites-enabled/app', location: '/api/', "
                            + "verifyUrl: 'http://127.0.0.1/api/health']; port, location and verifyUrl are optional."),
            new ParamDoc("verify", "list of maps", "(only up and healthy)",
                    "healthVerify checks the new copy must pass (within waitTimeout) before users reach it, written against the service's "
                            + "published port: [[url: 'http://127.0.0.1:3000/health', expectStatus: 200]]."),
            new ParamDoc("drainTime", "duration", "'2s'", "How long old containers keep finishing requests after nginx moved away from them."),
            new ParamDoc("nginxTestCommand", "string", "the host's nginxTestCommand, else 'nginx -t'", "Tests nginx's configuration (plain words)."),
            new ParamDoc("nginxReloadCommand", "string", "the host's nginxReloadCommand, else 'nginx -s reload'", "Reloads nginx (plain words)."),
            new ParamDoc("nginxBackupDir", "string", "'~/.deploy-steps/backups/nginx/<project>'", "Where the site files are backed up before a switch."),
            new ParamDoc("downtimeProbe", "map", "(no probe)",
                    "[url: 'http://127.0.0.1/api/health', interval: '100ms', maxDowntime: '2s', severity: 'warning', expectStatus: '200-399', "
                            + "timeout: '2s']: requests url from the host during the deploy and reports the longest outage."));

    private StrategyParams() {}

    static StrategySettings read(Params p, String project, Duration waitTimeout) {
        String label = p.string("strategy", DeployStrategy.BUILD_FIRST.label());
        DeployStrategy strategy = DeployStrategy.byLabel(label).orElseThrow(() -> new SpecException(p.path("strategy"),
                "'" + label + "' is not one of '" + String.join("', '", DeployStrategy.labels()) + "'"));
        BlueGreenSettings blueGreen = null;
        if (strategy == DeployStrategy.BLUE_GREEN) {
            blueGreen = blueGreen(p, project, waitTimeout);
        } else {
            for (String k : BLUE_GREEN_ONLY) {
                if (p.has(k)) {
                    throw new SpecException(p.path(k), "only applies to strategy 'blue-green'");
                }
            }
        }
        DowntimeSettings downtime = p.map("downtimeProbe").map(StrategyParams::downtime).orElse(null);
        return new StrategySettings(strategy, blueGreen, downtime);
    }

    private static BlueGreenSettings blueGreen(Params p, String project, Duration waitTimeout) {
        List<Params> given = p.maps("routes");
        if (given.isEmpty()) {
            throw new SpecException(p.path("routes"), "is required for strategy 'blue-green': the services nginx proxies to");
        }
        List<RoutedService> routes = new ArrayList<>();
        for (Params r : given) {
            String service = r.requiredString("service");
            if (!SERVICE.matcher(service).matches()) {
                throw new SpecException(r.path("service"), "'" + service + "' is not a service name");
            }
            Integer port = r.optionalLong("port", 1, 65535).map(Long::intValue).orElse(null);
            String site = NginxRouteBinding.filePath(r, "site", r.requiredString("site"));
            String location = r.optionalString("location").orElse(null);
            if (location != null && !location.startsWith("/")) {
                throw new SpecException(r.path("location"), "'" + location + "' must start with '/'");
            }
            routes.add(new RoutedService(service, port, site, location, NginxRouteBinding.verify(r)));
            r.done();
        }
        HealthVerifySpec checks = p.has("verify") ? HealthVerify.bindChecks(p, "verify", waitTimeout) : null;
        if (checks != null) {
            for (var c : checks.checks()) {
                if (c.origin().remote()) {
                    throw new SpecException(p.path("verify") + "[" + c.index() + "].host", "verify checks run from here, against the new copy's temporary port");
                }
            }
        }
        Duration drain = p.duration("drainTime", DEFAULT_DRAIN);
        List<String> test = p.optionalString("nginxTestCommand").map(v -> NginxRouteBinding.commandWords(p.path("nginxTestCommand"), v)).orElse(null);
        List<String> reload = p.optionalString("nginxReloadCommand").map(v -> NginxRouteBinding.commandWords(p.path("nginxReloadCommand"), v))
                .orElse(null);
        String backupDir = p.optionalString("nginxBackupDir").map(v -> NginxRouteBinding.backupFolder(p, "nginxBackupDir", v))
                .orElse(NginxRouteBinding.DEFAULT_BACKUP_ROOT + "/" + project);
        return new BlueGreenSettings(routes, checks, drain, test, reload, backupDir);
    }

    private static DowntimeSettings downtime(Params d) {
        String text = d.requiredString("url");
        URI url;
        try {
            url = URL_CHARS.matcher(text).matches() ? new URI(text) : null;
        } catch (URISyntaxException e) {
            url = null;
        }
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new SpecException(d.path("url"), "'" + text + "' is not an http:// or https:// URL with a host (and no password)");
        }
        Duration interval = d.duration("interval", DEFAULT_INTERVAL);
        if (interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new SpecException(d.path("interval"), "must be at least 10ms");
        }
        Duration timeout = d.duration("timeout", DEFAULT_REQUEST_TIMEOUT);
        if (timeout.isZero()) {
            throw new SpecException(d.path("timeout"), "must be longer than zero");
        }
        List<String> status = d.stringList("expectStatus");
        StatusExpectation expect = status.isEmpty() ? DEFAULT_EXPECT : StatusExpectation.parse(status).orElseThrow(() -> new SpecException(
                d.path("expectStatus"), "'" + String.join(", ", status) + "' is not a status: use a code (200), a range ('200-399', '2xx') or a list"));
        Optional<Duration> max = d.optionalDuration("maxDowntime");
        Severity severity = d.choice("severity", Severity.class, Severity.FAILURE);
        d.done();
        return new DowntimeSettings(url, interval, timeout, expect, max.orElse(null), severity);
    }
}
