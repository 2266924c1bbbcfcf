package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nginxRoute's parameters into an {@link NginxRouteSpec}. Every value that ends up in the site file is checked
 * here, against {@link RouteRules}, before anything touches a host; every refusal names its parameter and says which
 * character or rule it broke.
 */
public final class NginxRouteBinding {
    static final StatusExpectation DEFAULT_EXPECT = new StatusExpectation(List.of(new StatusExpectation.Range(200, 399)));

    private static final Pattern LOCATION_CHAR = Pattern.compile("[A-Za-z0-9._~/+,=:@!*%-]");
    private static final Pattern PATH_CHAR = Pattern.compile("[A-Za-z0-9._/+@,=-]");
    private static final Pattern UPSTREAM_CHAR = Pattern.compile("[A-Za-z0-9._~/+,=:@!*%\\[\\]-]");
    private static final Pattern SERVER_NAME_CHAR = Pattern.compile("[A-Za-z0-9*_.-]");
    private static final Pattern HEADER_NAME_CHAR = Pattern.compile("[A-Za-z0-9-]");
    private static final Pattern HEADER_LITERAL_CHAR = Pattern.compile("[A-Za-z0-9 ._:/=,+@()!*~?&%-]");
    private static final Pattern COMMAND_CHAR = Pattern.compile("[A-Za-z0-9_./:=@%+, -]");
    /** A URL a probe may request: URL characters without blanks, quotes, braces, backslashes or line breaks of any kind. */
    private static final Pattern VERIFY_URL_CHAR = Pattern.compile("[A-Za-z0-9._~/?&=+,;:@!*'()$%\\[\\]-]");

    private NginxRouteBinding() {}

    static NginxRouteSpec bind(Params p) {
        String host = p.get(NginxRouteParams.HOST);
        String site = filePath(p, "site", p.get(NginxRouteParams.SITE));
        String location = location(p);
        State state = p.get(NginxRouteParams.STATE);
        boolean present = state == State.PRESENT;
        String restoreFrom = p.get(NginxRouteParams.BACKUP);
        String serverName = Optional.ofNullable(p.get(NginxRouteParams.SERVER_NAME)).map(v -> serverName(p, v)).orElse(null);
        RouteTarget target = new RouteTarget(host, site, serverName, location, present);
        Route route = present ? route(p, location) : null;
        if (state == State.ABSENT) {
            refuse(p, NginxRouteParams.PRESENT_ONLY, "only applies to state 'present'; removing a route needs only its location");
        } else if (state == State.RESTORED) {
            refuse(p, NginxRouteParams.NOT_RESTORED, "does not apply to state 'restored': the whole site file goes back as the backup holds it");
        }
        if (state == State.RESTORED && restoreFrom == null) {
            throw new SpecException(p.path("backup"), "is required with state 'restored': the id of the backup to put back, like 20260101T120000Z");
        }
        if (state != State.RESTORED && restoreFrom != null) {
            throw new SpecException(p.path("backup"), "only applies to state 'restored'");
        }
        RouteVerify verify = verify(p);
        RouteSettings settings = settings(p, target);
        CommonParams common = CommonParams.read(p, NginxRoute.NAME);
        p.done();
        return new NginxRouteSpec(target, route, restoreFrom, verify, settings, common);
    }

    private static void refuse(Params p, List<Param<?>> given, String why) {
        for (Param<?> k : given) {
            if (p.has(k.name())) {
                throw new SpecException(p.path(k.name()), why);
            }
        }
    }

    /** {@code present}, {@code absent} or {@code restored}, as users write them. */
    enum State {
        PRESENT,
        ABSENT,
        RESTORED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static String location(Params p) {
        String v = p.get(NginxRouteParams.LOCATION);
        checkChars(p, "location", v, LOCATION_CHAR, RouteRules.MAX_LOCATION, "letters, digits and ._~/+,=:@!*%-");
        if (!RouteRules.URL_PATH.matcher(v).matches()) {
            throw new SpecException(p.path("location"), shown(v) + " must start with '/' (a prefix location such as '/api/new-feature/')");
        }
        return v;
    }

    private static Route route(Params p, String location) {
        String proxyPass = upstream(p, p.get(NginxRouteParams.PROXY_PASS));
        boolean websocket = p.get(NginxRouteParams.WEBSOCKET);
        List<ProxyHeader> headers = headers(p, websocket);
        Duration readTimeout = p.get(NginxRouteParams.PROXY_READ_TIMEOUT);
        if (readTimeout != null && (readTimeout.isZero() || readTimeout.compareTo(Duration.ofDays(1)) > 0)) {
            throw new SpecException(p.path("proxyReadTimeout"), "must be longer than zero and at most 24h");
        }
        ByteSize maxBody = p.get(NginxRouteParams.CLIENT_MAX_BODY_SIZE);
        if (maxBody != null && maxBody.bytes() > (64L << 30)) {
            throw new SpecException(p.path("clientMaxBodySize"), "must be at most 64GB ('0' turns nginx's size check off)");
        }
        return new Route(location, proxyPass, headers, websocket, readTimeout, maxBody);
    }

    /** The upstream URL rebuilt from validated parts: scheme, host name or IP address, port, path. */
    private static String upstream(Params p, String v) {
        checkChars(p, "proxyPass", v, UPSTREAM_CHAR, RouteRules.MAX_URL, "URL characters without quotes, ';', '$', '#' or '\\'");
        Matcher m = RouteRules.UPSTREAM.matcher(v);
        if (!m.matches()) {
            throw new SpecException(p.path("proxyPass"), shown(v) + " is not an upstream URL such as 'http://127.0.0.1:3000/' or 'https://backend:8443'");
        }
        String hostPart = m.group(2);
        if (!RouteRules.HOST_NAME.matcher(hostPart).matches() && !RouteRules.IPV6.matcher(hostPart).matches()) {
            throw new SpecException(p.path("proxyPass"), shown(hostPart) + " is not a host name or IP address (user names and passwords are not allowed either)");
        }
        if (m.group(3) != null) {
            int port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new SpecException(p.path("proxyPass"), port + " is not a TCP port (1 to 65535)");
            }
        }
        if (m.group(4) != null && !RouteRules.URL_PATH.matcher(m.group(4)).matches()) {
            throw new SpecException(p.path("proxyPass"), "the path " + shown(m.group(4)) + " may hold only letters, digits and ._~/+,=:@!*%-");
        }
        return m.group(1) + "://" + hostPart + (m.group(3) == null ? "" : ":" + m.group(3)) + (m.group(4) == null ? "" : m.group(4));
    }

    private static List<ProxyHeader> headers(Params p, boolean websocket) {
        Map<String, ProxyHeader> byName = new LinkedHashMap<>();
        RouteRules.DEFAULT_HEADERS.forEach(h -> byName.put(h.name().toLowerCase(Locale.ROOT), h));
        for (Map.Entry<String, String> e : p.get(NginxRouteParams.HEADERS).entrySet()) {
            String name = e.getKey();
            String field = p.path("headers") + "[" + name + "]";
            checkChars(field, name, HEADER_NAME_CHAR, 64, "letters, digits and '-'");
            if (!RouteRules.HEADER_NAME.matcher(name).matches()) {
                throw new SpecException(field, shown(name) + " is not a header name");
            }
            if (websocket && RouteRules.WEBSOCKET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new SpecException(field, "is set by websocket: true");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.startsWith("$")) {
                if (!RouteRules.VARIABLES.contains(value)) {
                    throw new SpecException(field, shown(value) + " is not one of the nginx variables a header may be set to: "
                            + String.join(", ", new java.util.TreeSet<>(RouteRules.VARIABLES)));
                }
            } else {
                checkChars(field, value, HEADER_LITERAL_CHAR, RouteRules.MAX_HEADER_VALUE,
                        "letters, digits, blanks and ._:/=,+@()!*~?&%- (or one whole nginx variable such as $host)");
            }
            // LinkedHashMap keeps a replaced default header where it was.
            byName.put(name.toLowerCase(Locale.ROOT), new ProxyHeader(name, value));
        }
        return new ArrayList<>(byName.values());
    }

    private static String serverName(Params p, String v) {
        checkChars(p, "serverName", v, SERVER_NAME_CHAR, 253, "letters, digits and *_.-");
        if (!RouteRules.SERVER_NAME.matcher(v).matches()) {
            throw new SpecException(p.path("serverName"), shown(v) + " is not a server name");
        }
        return v;
    }

    /** An absolute path, or one in the SSH user's home ({@code ~/...}) as composeDeploy accepts it. */
    public static String backupFolder(Params p, String field, String v) {
        if (!v.startsWith("~/")) {
            return filePath(p, field, v);
        }
        try {
            return "~" + filePath(p, field, v.substring(1));
        } catch (SpecException e) {
            throw new SpecException(p.path(field), shown(v) + " is not a folder in the SSH user's home: use ~/ and then letters, digits "
                    + "and ._/+@,=-, with no '.' or '..' segments");
        }
    }

    /** An absolute path to a file, without '.' or '..' segments (a site file, a backup folder). */
    public static String filePath(Params p, String field, String v) {
        checkChars(p, field, v, PATH_CHAR, RouteRules.MAX_PATH, "letters, digits and ._/+@,=-");
        if (!RouteRules.FILE_PATH.matcher(v).matches() || v.endsWith("/")) {
            throw new SpecException(p.path(field), shown(v) + " must be an absolute path to a file");
        }
        for (String segment : v.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new SpecException(p.path(field), shown(v) + " must not contain '.' or '..' segments");
            }
        }
        return v;
    }

    /** {@code verifyUrl}, {@code expectStatus}, {@code verifyTimeout}: the probe after a reload, or null without verifyUrl. */
    public static RouteVerify verify(Params p) {
        Optional<String> url = Optional.ofNullable(p.get(NginxRouteParams.VERIFY_URL));
        List<String> status = p.get(NginxRouteParams.EXPECT_STATUS);
        Duration t = p.get(NginxRouteParams.VERIFY_TIMEOUT);
        if (url.isEmpty()) {
            for (Param<?> k : List.of(NginxRouteParams.EXPECT_STATUS, NginxRouteParams.VERIFY_TIMEOUT)) {
                if (p.has(k.name())) {
                    throw new SpecException(p.path(k.name()), "needs verifyUrl");
                }
            }
            return null;
        }
        String v = url.get();
        checkChars(p, "verifyUrl", v, VERIFY_URL_CHAR, 2048, "URL characters (no blanks, quotes, braces, '\\', '#' or line breaks)");
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new SpecException(p.path("verifyUrl"), shown(v) + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new SpecException(p.path("verifyUrl"), shown(v) + " is not an http:// or https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new SpecException(p.path("verifyUrl"), "must not carry a user name or password");
        }
        StatusExpectation expect = status.isEmpty() ? DEFAULT_EXPECT : StatusExpectation.parse(status).orElseThrow(() -> new SpecException(
                p.path("expectStatus"), shown(String.join(", ", status)) + " is not a status: use a code (200), a range ('200-399', '2xx') or a list"));
        if (t.isZero()) {
            throw new SpecException(p.path("verifyTimeout"), "must be longer than zero");
        }
        return new RouteVerify(uri, expect, t);
    }

    private static RouteSettings settings(Params p, RouteTarget target) {
        List<String> test = Optional.ofNullable(p.get(NginxRouteParams.TEST_COMMAND)).map(v -> commandWords(p.path("testCommand"), v)).orElse(null);
        List<String> reload = Optional.ofNullable(p.get(NginxRouteParams.RELOAD_COMMAND)).map(v -> commandWords(p.path("reloadCommand"), v)).orElse(null);
        String backupDir = Optional.ofNullable(p.get(NginxRouteParams.BACKUP_DIR)).map(v -> backupFolder(p, "backupDir", v))
                .orElse(NginxRouteParams.BACKUP_ROOT + "/" + target.siteKey());
        String siteDir = target.site().substring(0, target.site().lastIndexOf('/') + 1);
        if (!siteDir.equals("/") && (backupDir + "/").startsWith(siteDir)) {
            throw new SpecException(p.path("backupDir"), shown(backupDir) + " is inside the site's directory " + siteDir
                    + ", which nginx may include as a whole (include sites-enabled/*): keep backups elsewhere");
        }
        int keep = p.get(NginxRouteParams.KEEP_BACKUPS);
        return new RouteSettings(test, reload, backupDir, keep, p.get(NginxRouteParams.TIMEOUT), p.get(NginxRouteParams.LOCK_TIMEOUT),
                p.get(NginxRouteParams.DRY_RUN));
    }

    /**
     * The words of a test or reload command ({@code nginx -t}, {@code sudo systemctl reload nginx}): no shell syntax at
     * all, so they run as an argument vector and nothing in them is interpreted by a shell.
     */
    public static List<String> commandWords(String field, String v) {
        checkChars(field, v, COMMAND_CHAR, RouteRules.MAX_COMMAND, "letters, digits, blanks and _./:=@%+,- (no shell syntax)");
        List<String> words = new ArrayList<>();
        for (String w : v.trim().split(" +")) {
            if (!RouteRules.COMMAND_WORD.matcher(w).matches()) {
                throw new SpecException(field, shown(v) + " is not a command of plain words");
            }
            words.add(w);
        }
        return words;
    }

    private static void checkChars(Params p, String field, String value, Pattern allowed, int max, String allowedWords) {
        checkChars(p.path(field), value, allowed, max, allowedWords);
    }

    private static void checkChars(String field, String value, Pattern allowed, int max, String allowedWords) {
        String tooLong = RouteRules.lengthProblem(value, max);
        if (tooLong != null) {
            throw new SpecException(field, tooLong);
        }
        String bad = RouteRules.firstBad(value, allowed);
        if (bad != null) {
            throw new SpecException(field, shown(value) + " contains " + bad + "; allowed: " + allowedWords);
        }
    }

    /** A value for a message: quoted, at most 80 characters, line breaks and other invisible characters escaped. */
    static String shown(String v) {
        StringBuilder b = new StringBuilder("'");
        v.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                b.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(v.codePointCount(0, v.length()) > 80 ? "...'" : "'").toString();
    }
}
