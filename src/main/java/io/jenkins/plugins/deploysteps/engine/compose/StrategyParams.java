package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteBinding;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteParams;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
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
    static final StatusExpectation DEFAULT_EXPECT = new StatusExpectation(List.of(new StatusExpectation.Range(200, 399)));
    private static final Pattern URL_CHARS = Pattern.compile("[A-Za-z0-9._~/?&=+,;:@!*'()%\\[\\]-]{1,2048}");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A route of blue-green's {@code routes}. */
    static final class Route {
        static final Param<String> SERVICE_NAME = Param.requiredString("service").doc("the compose service nginx proxies to");
        static final Param<Integer> PORT = Param.integer("port", null, 1, 65535).shownDefault("the one it publishes")
                .doc("the container port behind the published port nginx uses; needed only when the service publishes several");
        static final Param<String> SITE = Param.requiredString("site").doc("the nginx site file that proxies to the service");
        static final Param<String> LOCATION = Param.string("location").shownDefault("every `proxy_pass` to the published port")
                .doc("switch only this location block of the site");
        static final ParamSet ALL = ParamSet.of(SERVICE_NAME, PORT, SITE, LOCATION, NginxRouteParams.VERIFY_URL, NginxRouteParams.EXPECT_STATUS,
                NginxRouteParams.VERIFY_TIMEOUT);

        private Route() {}
    }

    /** The {@code downtimeProbe} map. */
    static final class Downtime {
        static final Param<String> URL = Param.requiredString("url").doc("what users request, from the host (or the agent), during the deploy");
        static final Param<Duration> INTERVAL = Param.duration("interval", Duration.ofMillis(100)).doc("pause between two requests (at least 10ms)");
        static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(2)).doc("timeout of each request");
        static final Param<List<String>> EXPECT_STATUS = Param.statuses("expectStatus").shownDefault("`'200-399'`").doc("what counts as up");
        static final Param<Duration> MAX_DOWNTIME = Param.optionalDuration("maxDowntime").shownDefault("not checked")
                .doc("the longest outage allowed; a longer one fails (or warns)");
        static final Param<Severity> SEVERITY = Param.choice("severity", Severity.class, Severity.FAILURE)
                .doc("`warning`: a longer outage makes the build UNSTABLE");
        static final Param<DowntimeSettings.From> FROM = Param.choice("from", DowntimeSettings.From.class, DowntimeSettings.From.HOST)
                .doc("`host`: requested on the host over the step's SSH connection; `agent`: from where the step runs, for a URL "
                        + "users reach from outside (it must answer there when the probe starts)");
        static final ParamSet ALL = ParamSet.of(URL, INTERVAL, TIMEOUT, EXPECT_STATUS, MAX_DOWNTIME, SEVERITY, FROM);

        private Downtime() {}
    }

    static final Param<String> STRATEGY = Param.string("strategy").withDefault(DeployStrategy.BUILD_FIRST.label())
            .type("'build-first', 'recreate' or 'blue-green'")
            .doc("build-first: build while the old version serves, then stop and start; recreate: stop, build, start; "
                    + "blue-green: start the new version beside the old one, verify it, switch nginx to it")
            .rule((path, label) -> {
                if (DeployStrategy.byLabel(label).isEmpty()) {
                    throw new SpecException(path, "'" + label + "' is not one of '" + String.join("', '", DeployStrategy.labels()) + "'");
                }
            });
    static final Param<List<Params>> ROUTES = Param.settingsList("routes", Route.ALL).shownDefault("required for blue-green")
            .doc("the services nginx proxies to");
    static final Param<List<Params>> VERIFY = Param.settingsList("verify", HealthVerify.CHECK_PARAMS).shownDefault("only up and healthy")
            .doc("healthVerify checks the new copy must pass (within `waitTimeout`) before users reach it, against the service's published port");
    static final Param<Optional<Params>> VERIFY_MAGIC_LINK = Param.settings("verifyMagicLink", MagicLinkAuthCheck.FLOW_PARAMS)
            .shownDefault("no magic-link check")
            .doc("a magicLinkAuthCheck the new copy must pass after `verify`, before users reach it; `baseUrl` as users reach the service on its "
                    + "published port, e.g. `'http://127.0.0.1:3000'`");
    static final Param<Duration> DRAIN_TIME = Param.duration("drainTime", Duration.ofSeconds(2))
            .doc("how long old containers keep finishing requests after nginx moved away from them");
    static final Param<String> NGINX_TEST_COMMAND = Param.string("nginxTestCommand").shownDefault("host's `nginxTestCommand`, else `nginx -t`")
            .doc("tests nginx's configuration (plain words)");
    static final Param<String> NGINX_RELOAD_COMMAND = Param.string("nginxReloadCommand")
            .shownDefault("host's `nginxReloadCommand`, else `nginx -s reload`").doc("reloads nginx (plain words)");
    static final Param<String> NGINX_BACKUP_DIR = Param.string("nginxBackupDir").shownDefault("`" + NginxRouteParams.BACKUP_ROOT + "/<project>`")
            .doc("where the site files are backed up before a switch");
    static final Param<Optional<Params>> DOWNTIME_PROBE = Param.settings("downtimeProbe", Downtime.ALL).shownDefault("no probe")
            .doc("requests a URL from the host (or the agent) during the deploy and reports the longest outage");
    private static final List<Param<?>> BLUE_GREEN_ONLY = List.of(ROUTES, VERIFY, VERIFY_MAGIC_LINK, DRAIN_TIME, NGINX_TEST_COMMAND,
            NGINX_RELOAD_COMMAND, NGINX_BACKUP_DIR);

    static final ParamSet ALL = ParamSet.of(STRATEGY, ROUTES, VERIFY, VERIFY_MAGIC_LINK, DRAIN_TIME, NGINX_TEST_COMMAND, NGINX_RELOAD_COMMAND,
            NGINX_BACKUP_DIR, DOWNTIME_PROBE);

    private StrategyParams() {}

    static StrategySettings read(Params p, String project, Duration waitTimeout) {
        DeployStrategy strategy = DeployStrategy.byLabel(p.get(STRATEGY)).orElseThrow();
        BlueGreenSettings blueGreen = null;
        if (strategy == DeployStrategy.BLUE_GREEN) {
            blueGreen = blueGreen(p, project, waitTimeout);
        } else {
            for (Param<?> k : BLUE_GREEN_ONLY) {
                if (p.has(k.name())) {
                    throw new SpecException(p.path(k.name()), "only applies to strategy 'blue-green'");
                }
            }
        }
        DowntimeSettings downtime = p.get(DOWNTIME_PROBE).map(StrategyParams::downtime).orElse(null);
        return new StrategySettings(strategy, blueGreen, downtime);
    }

    private static BlueGreenSettings blueGreen(Params p, String project, Duration waitTimeout) {
        List<Params> given = p.get(ROUTES);
        if (given.isEmpty()) {
            throw new SpecException(p.path("routes"), "is required for strategy 'blue-green': the services nginx proxies to");
        }
        List<RoutedService> routes = new ArrayList<>();
        for (Params r : given) {
            String service = r.get(Route.SERVICE_NAME);
            if (!SERVICE.matcher(service).matches()) {
                throw new SpecException(r.path("service"), "'" + service + "' is not a service name");
            }
            Integer port = r.get(Route.PORT);
            String site = NginxRouteBinding.filePath(r, "site", r.get(Route.SITE));
            String location = r.get(Route.LOCATION);
            if (location != null && !location.startsWith("/")) {
                throw new SpecException(r.path("location"), "'" + location + "' must start with '/'");
            }
            routes.add(new RoutedService(service, port, site, location, NginxRouteBinding.verify(r)));
            r.done();
        }
        HealthVerifySpec checks = p.has(VERIFY.name()) ? HealthVerify.bindChecks(p, VERIFY.name(), waitTimeout) : null;
        if (checks != null) {
            for (var c : checks.checks()) {
                if (c.origin().remote()) {
                    throw new SpecException(p.path("verify") + "[" + c.index() + "].host", "verify checks run from here, against the new copy's temporary port");
                }
            }
        }
        MagicLinkSpec magicLink = p.get(VERIFY_MAGIC_LINK).map(StrategyParams::magicLink).orElse(null);
        Duration drain = p.get(DRAIN_TIME);
        List<String> test = Optional.ofNullable(p.get(NGINX_TEST_COMMAND)).map(v -> NginxRouteBinding.commandWords(p.path("nginxTestCommand"), v)).orElse(null);
        List<String> reload = Optional.ofNullable(p.get(NGINX_RELOAD_COMMAND)).map(v -> NginxRouteBinding.commandWords(p.path("nginxReloadCommand"), v))
                .orElse(null);
        String backupDir = Optional.ofNullable(p.get(NGINX_BACKUP_DIR)).map(v -> NginxRouteBinding.backupFolder(p, "nginxBackupDir", v))
                .orElse(NginxRouteParams.BACKUP_ROOT + "/" + project);
        return new BlueGreenSettings(routes, checks, magicLink, drain, test, reload, backupDir);
    }

    /** A magic-link check of the new copy: its baseUrl is moved to the copy's port, so it must be this host's loopback. */
    private static MagicLinkSpec magicLink(Params m) {
        MagicLinkSpec spec = MagicLinkAuthCheck.bindFlow(m);
        String host = spec.app().baseUrl().getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new SpecException(m.path("baseUrl"), "must be the service's published port on this host (http://127.0.0.1:<port>): the check "
                    + "is sent to the new copy's temporary port instead");
        }
        return spec;
    }

    private static DowntimeSettings downtime(Params d) {
        String text = d.get(Downtime.URL);
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
        Duration interval = d.get(Downtime.INTERVAL);
        if (interval.compareTo(Duration.ofMillis(10)) < 0) {
            throw new SpecException(d.path("interval"), "must be at least 10ms");
        }
        Duration timeout = d.get(Downtime.TIMEOUT);
        if (timeout.isZero()) {
            throw new SpecException(d.path("timeout"), "must be longer than zero");
        }
        List<String> status = d.get(Downtime.EXPECT_STATUS);
        StatusExpectation expect = status.isEmpty() ? DEFAULT_EXPECT : StatusExpectation.parse(status).orElseThrow(() -> new SpecException(
                d.path("expectStatus"), "'" + String.join(", ", status) + "' is not a status: use a code (200), a range ('200-399', '2xx') or a list"));
        Optional<Duration> max = Optional.ofNullable(d.get(Downtime.MAX_DOWNTIME));
        Severity severity = d.get(Downtime.SEVERITY);
        DowntimeSettings.From from = d.get(Downtime.FROM);
        d.done();
        return new DowntimeSettings(url, interval, timeout, expect, max.orElse(null), severity, from);
    }
}
