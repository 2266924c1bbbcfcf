package io.jenkins.plugins.deploysteps.engine.http;

import com.jayway.jsonpath.InvalidPathException;
import io.jenkins.plugins.deploysteps.engine.params.BoundedMatch;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Something a response must satisfy. Each kind records what it expected and what it found, whether it holds or
 * not, so a failed check shows both (Hurl's assert model). Assertions are values: built once when a step's
 * parameters are bound, evaluated against every response a check gets.
 */
public sealed interface Assertion extends Serializable
        permits Assertion.Status, Assertion.BodyContains, Assertion.BodyMatches, Assertion.Json, Assertion.Header, Assertion.Latency,
                Assertion.RedirectTo {

    /** The value {@code expectJson} and {@code expectHeader} take to mean "present, whatever its value". */
    String EXISTS = "exists";

    AssertionResult evaluate(HttpResult response, JsonBody json);

    record Status(StatusExpectation expected) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            return AssertionResult.of("status", expected.toString(), Integer.toString(r.status()), expected.accepts(r.status()));
        }
    }

    record BodyContains(String text) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            boolean held = r.bodyText().contains(text);
            return AssertionResult.of("body", "contains '" + text + "'", held ? "contains it" : excerpt(r), held);
        }
    }

    record BodyMatches(Pattern pattern) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            // bounded: a backtracking pattern or a huge body ends the check as an ERROR naming the pattern
            java.util.Optional<String> found = BoundedMatch.find(pattern, r.bodyText());
            return AssertionResult.of("body", "matches /" + pattern.pattern() + "/", found.map(f -> "'" + oneLine(f, 80) + "' matches").orElse(excerpt(r)),
                    found.isPresent());
        }
    }

    /**
     * A JSONPath and the value it must select, compared as text (numbers by value, so {@code 1} equals {@code 1.0}),
     * or {@link #EXISTS}.
     */
    record Json(String path, String expected) implements Assertion {
        /** @throws InvalidPathException when {@code path} is not a JSONPath */
        public static Json of(String path, String expected) {
            JsonPaths.compile(path);
            return new Json(path, expected);
        }

        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            JsonBody.Selected s = json.select(path);
            if (s.problem() != null) {
                return new AssertionResult(path, expected, s.problem(), false, path + ": expected " + expected + ", but " + s.problem());
            }
            if (expected.equals(EXISTS)) {
                return AssertionResult.of(path, EXISTS, s.found() ? "exists (" + oneLine(s.text(), 80) + ")" : "not found", s.found());
            }
            if (!s.found()) {
                return AssertionResult.of(path, expected, "not found", false);
            }
            return AssertionResult.of(path, expected, oneLine(s.text(), 200), JsonBody.sameValue(expected, s.value(), s.text()));
        }
    }

    /** A header's value (any of its values, exactly), or {@link #EXISTS}. */
    record Header(String name, String expected) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            List<String> values = r.header(name);
            String actual = values.isEmpty() ? "(absent)" : String.join(", ", values);
            boolean held = expected.equals(EXISTS) ? !values.isEmpty() : values.stream().anyMatch(v -> v.trim().equals(expected));
            return AssertionResult.of("header " + name, expected, actual, held);
        }
    }

    /** The whole exchange (all redirects, complete body) within {@code max}. */
    record Latency(Duration max) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            String actual = r.elapsed().toMillis() + " ms" + (r.timing() == null ? "" : " (" + r.timing() + ")");
            return AssertionResult.of("latency", "<= " + Durations.format(max), actual, r.elapsed().compareTo(max) <= 0);
        }
    }

    /** The first response redirects to exactly {@code target} (Location resolved against the request URL). */
    record RedirectTo(URI target) implements Assertion {
        @Override
        public AssertionResult evaluate(HttpResult r, JsonBody json) {
            if (r.redirects().isEmpty()) {
                return AssertionResult.of("redirect", "to " + target, "no redirect (status " + r.status() + ")", false);
            }
            HttpResult.Redirect first = r.redirects().get(0);
            return AssertionResult.of("redirect", "to " + target, first.status() + " to " + first.to(), first.to().equals(target));
        }
    }

    /** Not private: SpotBugs does not see the nested records' calls to a private interface method. */
    static String excerpt(HttpResult r) {
        String text = r.bodyText();
        return r.bodyBytes() == 0 ? "empty body" : "'" + oneLine(text, 120) + "'" + (text.length() > 120 || r.truncated() ? " (" + r.bodyBytes() + " bytes)" : "");
    }

    static String oneLine(String s, int max) {
        String t = s.replace("\r", "").replace("\n", "\\n");
        return t.length() > max ? t.substring(0, max) + "..." : t;
    }
}
