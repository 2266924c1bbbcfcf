package io.jenkins.plugins.deploysteps.engine.healthverify;

import com.jayway.jsonpath.InvalidPathException;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.HttpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.Origin;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec.TcpProbe;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec.Polling;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec.TlsPolicy;
import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.http.HttpParams;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads healthVerify's parameters into a {@link HealthVerifySpec}: every value checked, every error naming its
 * parameter ({@code checks[2].expectJson[$.a[}), all before any request or connection.
 */
final class HealthVerifyBinding {
    /** Names the step in the probed service's access log (a user's own User-Agent header wins). */
    static final String USER_AGENT = "deploy-steps healthVerify";

    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})");

    private HealthVerifyBinding() {}

    static HealthVerifySpec bind(Params p) {
        Duration timeout = p.get(HealthVerifyParams.TIMEOUT);
        List<Params> checkParams = p.get(HealthVerifyParams.CHECKS);
        Optional<String> url = Optional.ofNullable(p.get(HealthVerifyParams.URL));
        List<HealthCheckSpec> checks = new ArrayList<>();
        if (url.isPresent()) {
            if (p.has("checks")) {
                throw new SpecException(p.path("url"), "give either url (one check) or checks (a list), not both");
            }
            // The shorthand's errors name 'url' itself, as the user wrote it.
            checks.add(check(Params.of(Map.of("url", url.get())), p, 0, timeout));
        } else {
            if (checkParams.isEmpty()) {
                throw new SpecException(p.path("checks"), "is required: a list of checks, or url for a single one");
            }
            for (int i = 0; i < checkParams.size(); i++) {
                checks.add(check(checkParams.get(i), p, i, timeout));
            }
        }
        uniqueNames(p, checks);
        Polling polling = polling(p);
        int parallelism = p.get(HealthVerifyParams.PARALLELISM);
        TlsPolicy tls = tls(p);
        CommonParams common = CommonParams.read(p, HealthVerify.NAME);
        p.done();
        return new HealthVerifySpec(checks, polling, parallelism, tls, common);
    }

    static HealthVerifySpec bindChecks(Params p, String field, Duration waitTimeout) {
        List<Params> given = p.maps(field);
        List<HealthCheckSpec> checks = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            checks.add(check(given.get(i), p, i, HealthVerifyParams.TIMEOUT.defaultValue()));
        }
        uniqueNames(p, field, checks);
        return new HealthVerifySpec(checks, new Polling(waitTimeout, Duration.ofSeconds(1), Duration.ofSeconds(5), 1),
                HealthVerifyParams.PARALLELISM.defaultValue(), new TlsPolicy(HealthVerifyParams.Tls.WARN_DAYS.defaultValue(),
                HealthVerifyParams.Tls.FAIL_DAYS.defaultValue(), TrustSource.JVM), CommonParams.read(Params.of(Map.of()), HealthVerify.NAME));
    }

    private static Polling polling(Params p) {
        Duration wait = p.get(HealthVerifyParams.WAIT_TIMEOUT);
        if (wait != null && (wait.isZero() || wait.isNegative())) {
            throw new SpecException(p.path("waitTimeout"), "must be longer than zero");
        }
        Duration interval = p.get(HealthVerifyParams.INTERVAL);
        Duration defaultMax = HealthVerifyParams.MAX_INTERVAL.defaultValue();
        Duration max = p.get(HealthVerifyParams.MAX_INTERVAL, defaultMax.compareTo(interval) < 0 ? interval : defaultMax);
        if (max.compareTo(interval) < 0) {
            throw new SpecException(p.path("maxInterval"), "must not be shorter than interval (" + io.jenkins.plugins.deploysteps.engine.params.Durations.format(interval) + ")");
        }
        return new Polling(wait, interval, max, p.get(HealthVerifyParams.CONSECUTIVE));
    }

    private static TlsPolicy tls(Params p) {
        Optional<Params> t = p.get(HealthVerifyParams.TLS);
        if (t.isEmpty()) {
            return new TlsPolicy(HealthVerifyParams.Tls.WARN_DAYS.defaultValue(), HealthVerifyParams.Tls.FAIL_DAYS.defaultValue(), TrustSource.JVM);
        }
        Params tls = t.get();
        int warn = tls.get(HealthVerifyParams.Tls.WARN_DAYS);
        int fail = tls.get(HealthVerifyParams.Tls.FAIL_DAYS, Math.min(HealthVerifyParams.Tls.FAIL_DAYS.defaultValue(), warn));
        if (fail > warn) {
            throw new SpecException(tls.path("failDays"), fail + " is more than warnDays (" + warn + "): a certificate must warn before it fails");
        }
        TrustSource trust = TrustSource.JVM;
        Optional<Credential> ca = tls.get(HealthVerifyParams.Tls.CA_CREDENTIALS_ID);
        if (ca.isPresent()) {
            trust = TrustSource.fromCredential(tls.path("caCredentialsId"), ca.get());
        }
        tls.done();
        return new TlsPolicy(warn, fail, trust);
    }

    private static HealthCheckSpec check(Params c, Params step, int index, Duration stepTimeout) {
        Optional<String> url = Optional.ofNullable(c.get(HealthVerifyParams.Check.URL));
        Optional<String> tcp = Optional.ofNullable(c.get(HealthVerifyParams.Check.TCP));
        if (url.isPresent() == tcp.isPresent()) {
            throw new SpecException(c.path(url.isPresent() ? "tcp" : "url"), url.isPresent() ? "give url or tcp, not both"
                    : "is required: url (an HTTP check) or tcp (a plain connect, 'host:port')");
        }
        Origin origin = origin(c, tcp.isPresent());
        Severity severity = c.get(HealthVerifyParams.Check.SEVERITY);
        Duration timeout = c.get(HealthVerifyParams.Check.TIMEOUT, stepTimeout);
        HealthCheckSpec.Probe probe;
        String defaultName;
        if (tcp.isPresent()) {
            for (Param<?> k : HealthVerifyParams.Check.HTTP_ONLY) {
                if (c.has(k.name())) {
                    throw new SpecException(c.path(k.name()), "only applies to url checks, not to tcp checks");
                }
            }
            TcpProbe t = tcpProbe(c, tcp.get(), timeout);
            probe = t;
            defaultName = "tcp " + t.address() + (origin.remote() ? " from " + origin.describe() : "");
        } else {
            HttpProbe h = httpProbe(c, url.get(), timeout, origin);
            probe = h;
            defaultName = h.request().describe() + (origin.remote() ? " from " + origin.describe() : "");
        }
        String name = c.get(HealthVerifyParams.Check.NAME, defaultName);
        c.done();
        return new HealthCheckSpec(index, name, origin, probe, severity);
    }

    private static Origin origin(Params c, boolean tcp) {
        Optional<String> host = Optional.ofNullable(c.get(HealthVerifyParams.Check.HOST));
        Optional<String> container = Optional.ofNullable(c.get(HealthVerifyParams.Check.CONTAINER));
        if (container.isPresent()) {
            if (host.isEmpty()) {
                throw new SpecException(c.path("container"), "needs host: the configured host the container runs on");
            }
            if (!CONTAINER.matcher(container.get()).matches()) {
                throw new SpecException(c.path("container"), "'" + container.get() + "' is not a container name or id");
            }
            if (tcp) {
                throw new SpecException(c.path("container"), "tcp checks run from the host itself; to check from inside a container, "
                        + "probe an HTTP endpoint with url");
            }
        }
        return new Origin(host.orElse(null), container.orElse(null));
    }

    private static TcpProbe tcpProbe(Params c, String value, Duration timeout) {
        var m = HOST_PORT.matcher(value);
        if (!m.matches()) {
            throw new SpecException(c.path("tcp"), "'" + value + "' is not host:port (e.g. 'localhost:5432', '[::1]:6379')");
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new SpecException(c.path("tcp"), port + " is not a TCP port (1 to 65535)");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new TcpProbe(host, port, timeout);
    }

    private static HttpProbe httpProbe(Params c, String url, Duration timeout, Origin origin) {
        URI uri = HttpParams.url(c, "url", url);
        String method = c.get(HealthVerifyParams.Check.METHOD).toUpperCase(Locale.ROOT);
        if (!HttpRequestSpec.METHODS.contains(method)) {
            throw new SpecException(c.path("method"), "'" + method + "' is not one of " + String.join(", ", new java.util.TreeSet<>(HttpRequestSpec.METHODS)));
        }
        Map<String, String> headers = HttpParams.requestHeaders(c, HealthVerifyParams.Check.HEADERS.name());
        String body = c.get(HealthVerifyParams.Check.BODY);
        HttpAuth auth = c.get(HealthVerifyParams.Check.CREDENTIALS_ID).map(cr -> HttpAuth.of(c.path("credentialsId"), cr)).orElse(null);
        if (auth != null && headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            throw new SpecException(c.path("headers") + "[Authorization]", "comes from credentialsId; give one or the other");
        }
        boolean follow = c.get(HealthVerifyParams.Check.FOLLOW_REDIRECTS);
        URI redirectTo = Optional.ofNullable(c.get(HealthVerifyParams.Check.EXPECT_REDIRECT_TO)).map(v -> HttpParams.url(c, "expectRedirectTo", v)).orElse(null);

        List<Assertion> assertions = new ArrayList<>();
        List<String> status = c.get(HealthVerifyParams.Check.EXPECT_STATUS);
        if (!status.isEmpty()) {
            assertions.add(new Assertion.Status(StatusExpectation.parse(status).orElseThrow(() -> new SpecException(c.path("expectStatus"),
                    "'" + String.join(", ", status) + "' is not a status: use a code (200), a range ('200-299', '2xx') or a list ([200, 204])"))));
        } else if (redirectTo == null || follow) {
            assertions.add(new Assertion.Status(StatusExpectation.SUCCESS));
        }
        if (redirectTo != null) {
            assertions.add(new Assertion.RedirectTo(redirectTo));
        }
        Optional.ofNullable(c.get(HealthVerifyParams.Check.EXPECT_BODY_CONTAINS)).ifPresent(s -> assertions.add(new Assertion.BodyContains(s)));
        Optional.ofNullable(c.get(HealthVerifyParams.Check.EXPECT_BODY_MATCHES)).ifPresent(s -> assertions.add(new Assertion.BodyMatches(regex(c, s))));
        for (Map.Entry<String, String> e : c.get(HealthVerifyParams.Check.EXPECT_JSON).entrySet()) {
            String field = c.path("expectJson") + "[" + e.getKey() + "]";
            if (e.getValue() == null) {
                throw new SpecException(field, "needs a value (or 'exists')");
            }
            try {
                assertions.add(Assertion.Json.of(e.getKey(), e.getValue()));
            } catch (InvalidPathException ex) {
                throw new SpecException(field, "'" + e.getKey() + "' is not a JSONPath: " + ex.getMessage());
            }
        }
        for (Map.Entry<String, String> e : HttpParams.headers(c, HealthVerifyParams.Check.EXPECT_HEADER.name()).entrySet()) {
            assertions.add(new Assertion.Header(e.getKey(), e.getValue()));
        }
        Optional.ofNullable(c.get(HealthVerifyParams.Check.MAX_LATENCY)).ifPresent(d -> assertions.add(new Assertion.Latency(positive(c, "maxLatency", d))));
        int samples = c.get(HealthVerifyParams.Check.SAMPLES);
        Duration p95 = Optional.ofNullable(c.get(HealthVerifyParams.Check.P95_LATENCY)).map(d -> positive(c, "p95Latency", d)).orElse(null);
        if (samples > 1 && origin.remote()) {
            throw new SpecException(c.path("samples"), "latency samples are taken from here only, not from a host or container");
        }
        if (headers.keySet().stream().noneMatch("User-Agent"::equalsIgnoreCase)) {
            headers.put("User-Agent", USER_AGENT);
        }
        HttpRequestSpec request = new HttpRequestSpec(method, uri, headers, body, auth, timeout, follow);
        return new HttpProbe(request, assertions, samples, p95);
    }

    private static Pattern regex(Params c, String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new SpecException(c.path("expectBodyMatches"), "'" + value + "' is not a regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static Duration positive(Params c, String field, Duration d) {
        if (d.isZero()) {
            throw new SpecException(c.path(field), "must be longer than zero");
        }
        return d;
    }

    private static void uniqueNames(Params p, List<HealthCheckSpec> checks) {
        uniqueNames(p, "checks", checks);
    }

    private static void uniqueNames(Params p, String field, List<HealthCheckSpec> checks) {
        Map<String, Integer> seen = new HashMap<>();
        for (HealthCheckSpec c : checks) {
            Integer before = seen.putIfAbsent(c.name(), c.index());
            if (before != null) {
                throw new SpecException(p.path(field) + "[" + c.index() + "].name", "'" + c.name() + "' is already the name of " + field + "["
                        + before + "]; names must be unique");
            }
        }
    }
}
