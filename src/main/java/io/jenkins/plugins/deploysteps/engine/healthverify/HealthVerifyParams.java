package io.jenkins.plugins.deploysteps.engine.healthverify;

import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** healthVerify's parameters, declared once: the step's, a check's ({@code checks[]}) and the {@code tls} map's. */
final class HealthVerifyParams {
    static final class Check {
        static final Param<String> NAME = Param.string("name").shownDefault("method and URL, or `tcp host:port`")
                .doc("what the report calls it; unique within the step");
        static final Param<String> URL = Param.string("url").type("URL").shownDefault("give `url` or `tcp`")
                .doc("`http://` or `https://`; no user name or password in it (use `credentialsId`)");
        static final Param<String> TCP = Param.string("tcp").type("'host:port'").shownDefault("—")
                .doc("a plain TCP connect (database, cache); `[::1]:6379` for IPv6");
        static final Param<String> HOST = Param.string("host").shownDefault("from the agent").doc("a configured host: probe from it over SSH");
        static final Param<String> CONTAINER = Param.string("container").shownDefault("—")
                .doc("with `host`: probe from inside this container (`docker exec`)");
        static final Param<String> METHOD = Param.string("method").withDefault("GET").doc("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        static final Param<Map<String, String>> HEADERS = Param.stringMap("headers")
                .doc("request headers (`Host`, `Content-Length` and the like are the client's)");
        static final Param<String> BODY = Param.string("body").shownDefault("—").doc("request body (UTF-8)");
        static final Param<Optional<Credential>> CREDENTIALS_ID = Param.credential("credentialsId").shownDefault("—")
                .doc("secret text → `Authorization: Bearer <token>`; username with password → basic");
        static final Param<List<String>> EXPECT_STATUS = Param.statuses("expectStatus").type("code, list or range").shownDefault("`200-299`")
                .doc("`200`, `[200, 204]`, `'200-299'`, `'2xx'`");
        static final Param<String> EXPECT_BODY_CONTAINS = Param.string("expectBodyContains").shownDefault("—").doc("text the body must contain");
        static final Param<String> EXPECT_BODY_MATCHES = Param.string("expectBodyMatches").type("regex").shownDefault("—")
                .doc("a Java regular expression that must match somewhere in the body");
        static final Param<Map<String, String>> EXPECT_JSON = Param.stringMap("expectJson")
                .doc("JSONPath → expected value, or `'exists'`; numbers compare by value (`1` = `1.0`)");
        static final Param<Map<String, String>> EXPECT_HEADER = Param.stringMap("expectHeader")
                .doc("header → exact value (one of its values), or `'exists'`");
        static final Param<Duration> MAX_LATENCY = Param.optionalDuration("maxLatency").shownDefault("—")
                .doc("longest time for the whole exchange (connect, redirects, complete body)");
        static final Param<Integer> SAMPLES = Param.integer("samples", 1, 1, 1000)
                .doc("requests per attempt (from the agent); min/median/p95/max in the report");
        static final Param<Duration> P95_LATENCY = Param.optionalDuration("p95Latency").shownDefault("—")
                .doc("highest 95th percentile latency of the samples");
        static final Param<Boolean> FOLLOW_REDIRECTS = Param.flag("followRedirects").doc("follow up to 10 redirects and judge the final response");
        static final Param<String> EXPECT_REDIRECT_TO = Param.string("expectRedirectTo").type("URL").shownDefault("—")
                .doc("the first response must redirect to exactly this URL");
        static final Param<Duration> TIMEOUT = Param.duration("timeout", null).shownDefault("the step's `timeout`")
                .doc("bounds each request: connecting, redirects and reading the whole body");
        static final Param<Severity> SEVERITY = Param.choice("severity", Severity.class, Severity.FAILURE)
                .doc("`warning`: a failure makes the build UNSTABLE");

        /** Parameters that only mean something for url checks, refused on tcp checks by name. */
        static final List<Param<?>> HTTP_ONLY = List.of(METHOD, HEADERS, BODY, CREDENTIALS_ID, EXPECT_STATUS, EXPECT_BODY_CONTAINS,
                EXPECT_BODY_MATCHES, EXPECT_JSON, EXPECT_HEADER, MAX_LATENCY, SAMPLES, P95_LATENCY, FOLLOW_REDIRECTS, EXPECT_REDIRECT_TO);

        static final ParamSet ALL = ParamSet.of(NAME, URL, TCP, HOST, CONTAINER, METHOD, HEADERS, BODY, CREDENTIALS_ID, EXPECT_STATUS,
                EXPECT_BODY_CONTAINS, EXPECT_BODY_MATCHES, EXPECT_JSON, EXPECT_HEADER, MAX_LATENCY, SAMPLES, P95_LATENCY, FOLLOW_REDIRECTS,
                EXPECT_REDIRECT_TO, TIMEOUT, SEVERITY);

        private Check() {}
    }

    static final class Tls {
        static final Param<Integer> WARN_DAYS = Param.integer("warnDays", 21, 0, 3650).doc("WARN when a certificate expires in fewer days");
        static final Param<Integer> FAIL_DAYS = Param.integer("failDays", 7, 0, 3650).doc("FAIL; not more than `warnDays`");
        static final Param<Optional<Credential>> CA_CREDENTIALS_ID = Param.credential("caCredentialsId").shownDefault("the JVM's trusted CAs")
                .doc("a secret file or secret text with PEM CA certificates; chains must lead to these instead, as with curl's `--cacert`");
        static final ParamSet ALL = ParamSet.of(WARN_DAYS, FAIL_DAYS, CA_CREDENTIALS_ID);

        private Tls() {}
    }

    static final Param<List<Params>> CHECKS = Param.settingsList("checks", Check.ALL).type("list of check maps").shownDefault("required unless `url`")
            .doc("the checks (below)");
    static final Param<String> URL = Param.string("url").type("URL").shownDefault("—")
            .doc("one-check shorthand: a GET that must answer 2xx (give `url` or `checks`, not both)");
    static final Param<Duration> WAIT_TIMEOUT = Param.optionalDuration("waitTimeout").shownDefault("no waiting")
            .doc("keep trying failing checks until all pass or this much time has passed");
    static final Param<Duration> INTERVAL = Param.duration("interval", Duration.ofSeconds(2))
            .doc("first pause before a failing check is tried again; doubles after each failure");
    static final Param<Duration> MAX_INTERVAL = Param.duration("maxInterval", Duration.ofSeconds(30)).doc("longest pause between two attempts of a check");
    static final Param<Integer> CONSECUTIVE = Param.integer("consecutive", 1, 1, 100).doc("passes in a row a check needs to count as healthy");
    static final Param<Integer> PARALLELISM = Param.integer("parallelism", 8, 1, 64).doc("checks running at once (1 to 64)");
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(10)).doc("default timeout of each request");
    static final Param<Optional<Params>> TLS = Param.settings("tls", Tls.ALL).shownDefault("`[warnDays: 21, failDays: 7]`")
            .doc("certificate thresholds and CA bundle (below)");

    static final ParamSet ALL = ParamSet.of(CHECKS, URL, WAIT_TIMEOUT, INTERVAL, MAX_INTERVAL, CONSECUTIVE, PARALLELISM, TIMEOUT, TLS)
            .plus(CommonParams.declarations(HealthVerify.NAME));

    private HealthVerifyParams() {}
}
