package io.jenkins.plugins.deploysteps.engine.magiclink;

import io.jenkins.plugins.deploysteps.engine.http.Assertion;
import io.jenkins.plugins.deploysteps.engine.http.Assertions;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.HttpFailure;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpResult;
import io.jenkins.plugins.deploysteps.engine.http.JsonBody;
import io.jenkins.plugins.deploysteps.engine.http.SetCookie;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec.Verify;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import java.util.List;
import java.util.Optional;

/**
 * Sends the flow's requests to the app: every response's secrets are registered with the masker before anything can
 * show them, and a session a response issues is read out (and registered) the same way for verify, refresh and the
 * negatives.
 */
record AppClient(Http http, Verify verify, SessionSecrets secrets) {
    /** The app's response, or why there was none: an ERROR, never a made-up status. */
    record Answer(HttpResult response, String failure) {
        boolean answered() {
            return response != null;
        }
    }

    Answer exchange(HttpRequestSpec request) throws InterruptedException {
        try {
            HttpResult r = http.exchange(request);
            // Whatever the request: a send response may echo the token (development builds) or be a session itself.
            secrets.response(r);
            return new Answer(r, null);
        } catch (HttpFailure f) {
            return new Answer(null, f.getMessage());
        }
    }

    /** The check of {@code request}'s response against {@code assertions}; no response is an ERROR. */
    Check exchangeAndAssert(Check.Builder c, HttpRequestSpec request, List<Assertion> assertions) throws InterruptedException {
        Answer a = exchange(request);
        if (!a.answered()) {
            return c.error(a.failure());
        }
        return Assertions.toCheck(c, Assertions.evaluate(assertions, a.response()), a.response());
    }

    /** The session a verify or refresh response issued (the named cookie, or the JSON value), registered as a secret. */
    Optional<String> issuedSession(HttpResult r) {
        Optional<String> s = verify.cookieSession() ? sessionCookie(r).map(SetCookie::value).filter(v -> !v.isEmpty()) : jsonSession(r);
        s.ifPresent(secrets::session);
        return s;
    }

    private Optional<String> jsonSession(HttpResult r) {
        JsonBody.Selected s = new JsonBody(r).select(verify.sessionJsonPath());
        return s.found() && s.value() instanceof String v && !v.isBlank() ? Optional.of(v) : Optional.empty();
    }

    /** The last {@code Set-Cookie} of the session cookie. */
    Optional<SetCookie> sessionCookie(HttpResult r) {
        SetCookie last = null;
        for (SetCookie c : r.setCookies()) {
            if (c.name().equals(verify.sessionCookie())) {
                last = c;
            }
        }
        return Optional.ofNullable(last);
    }
}
