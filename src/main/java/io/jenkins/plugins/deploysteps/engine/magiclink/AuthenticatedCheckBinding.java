package io.jenkins.plugins.deploysteps.engine.magiclink;

import static io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkValues.expectation;

import io.jenkins.plugins.deploysteps.engine.http.HttpParams;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheckParams.CheckMap;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Verify;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads magicLinkAuthCheck's {@code authenticatedChecks}: the requests made with the session, each named uniquely. */
final class AuthenticatedCheckBinding {
    private AuthenticatedCheckBinding() {}

    /** The given checks; none given: the profile must show the address. */
    static List<AuthenticatedCheckSpec> bind(Params p, Verify verify) {
        SessionTransport defaultAuth = verify.cookieSession() ? new SessionTransport.Cookie() : new SessionTransport.Bearer();
        List<Params> given = p.get(MagicLinkAuthCheckParams.AUTHENTICATED_CHECKS);
        List<AuthenticatedCheckSpec> out = new ArrayList<>();
        if (!p.has(MagicLinkAuthCheckParams.AUTHENTICATED_CHECKS.name())) {
            out.add(new AuthenticatedCheckSpec("profile", "/api/user/profile", "GET", null, Map.of(), defaultAuth, StatusExpectation.SUCCESS,
                    Map.of("$.email", "${email}"), null));
            return out;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Params c = given.get(i);
            AuthenticatedCheckSpec check = check(c, verify, defaultAuth);
            Integer before = names.putIfAbsent(check.name(), i);
            if (before != null) {
                throw new SpecException(c.path(CheckMap.NAME.name()), "'" + check.name() + "' is already the name of authenticatedChecks[" + before
                        + "]; names must be unique");
            }
            c.done();
            out.add(check);
        }
        return out;
    }

    private static AuthenticatedCheckSpec check(Params c, Verify verify, SessionTransport defaultAuth) {
        String path = Optional.ofNullable(c.get(CheckMap.PATH)).orElseThrow(() -> new SpecException(c.path(CheckMap.PATH.name()), "is required"));
        String method = MagicLinkValues.method(c, CheckMap.METHOD);
        String body = c.get(CheckMap.BODY);
        Map<String, String> headers = HttpParams.requestHeaders(c, CheckMap.HEADERS.name());
        SessionTransport auth = Optional.ofNullable(c.get(CheckMap.AUTH)).map(a -> SessionTransport.parse(a).orElseThrow(() -> new SpecException(
                c.path(CheckMap.AUTH.name()), "'" + a + "' is not 'bearer', 'cookie', 'header:<Name>' or 'bodyField:<name>'"))).orElse(defaultAuth);
        if (auth instanceof SessionTransport.Cookie && !verify.cookieSession()) {
            throw new SpecException(c.path(CheckMap.AUTH.name()), "'cookie' needs sessionCookie: the name of the cookie that holds the session");
        }
        if (auth instanceof SessionTransport.BodyField) {
            if (method.equals("GET") || method.equals("HEAD")) {
                throw new SpecException(c.path(CheckMap.AUTH.name()), "a " + method + " request has no body to carry the session in; use method: 'POST'");
            }
            if (body != null && !MagicLinkValues.jsonObject(Placeholders.fillText(body, "a@b.c"))) {
                throw new SpecException(c.path(CheckMap.BODY.name()), "must be a JSON object to add the session field to");
            }
        }
        StatusExpectation status = expectation(c, CheckMap.EXPECT_STATUS);
        Map<String, String> expectJson = c.get(CheckMap.EXPECT_JSON);
        for (Map.Entry<String, String> e : expectJson.entrySet()) {
            String field = c.path(CheckMap.EXPECT_JSON.name()) + "[" + e.getKey() + "]";
            if (e.getValue() == null) {
                throw new SpecException(field, "needs a value (or 'exists')");
            }
            MagicLinkValues.jsonPath(field, e.getKey());
            String unknown = Placeholders.unknown(e.getValue(), Set.of("email"));
            if (unknown != null) {
                throw new SpecException(field, unknown + " is not known here; only ${email} is");
            }
        }
        String contains = c.get(CheckMap.EXPECT_BODY_CONTAINS);
        String name = c.get(CheckMap.NAME, method + " " + path);
        return new AuthenticatedCheckSpec(name, path, method, body, headers, auth, status, expectJson, contains);
    }
}
