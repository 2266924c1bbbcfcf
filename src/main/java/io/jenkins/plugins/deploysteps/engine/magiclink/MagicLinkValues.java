package io.jenkins.plugins.deploysteps.engine.magiclink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.InvalidPathException;
import io.jenkins.plugins.deploysteps.engine.http.HttpParams;
import io.jenkins.plugins.deploysteps.engine.http.HttpRequestSpec;
import io.jenkins.plugins.deploysteps.engine.http.JsonPaths;
import io.jenkins.plugins.deploysteps.engine.http.StatusExpectation;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The kinds of value magicLinkAuthCheck's parameters hold, each checked with a message that names the parameter. */
final class MagicLinkValues {
    /** A plain address: what an app's validation and every test mail server accept. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    /** The placeholders of a text that is sent before there is a token. */
    static final Set<String> ONLY_EMAIL = Set.of("email");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MagicLinkValues() {}

    /** The value must match {@code pattern} entirely; {@code problem} says what it is not. */
    static Param.Rule<String> matching(Pattern pattern, UnaryOperator<String> problem) {
        return (field, v) -> {
            if (!pattern.matcher(v).matches()) {
                throw new SpecException(field, problem.apply(v));
            }
        };
    }

    /** A path below the base URL, with its query; placeholders limited to {@code allowed}. */
    static Param.Rule<String> path(Set<String> allowed) {
        return (field, v) -> {
            if (!v.startsWith("/") || v.startsWith("//")) {
                throw new SpecException(field, "'" + v + "' must be a path starting with '/' (it is added to baseUrl)");
            }
            String unknown = Placeholders.unknown(v, allowed);
            if (unknown != null) {
                throw new SpecException(field, unknown + " is not known here; use " + String.join(" or ", allowed.stream().sorted()
                        .map(a -> "${" + a + "}").toList()));
            }
            try {
                new URI("http://h" + Placeholders.fillPath(v, "a@b.c", "t"));
            } catch (URISyntaxException e) {
                throw new SpecException(field, "'" + v + "' is not a URL path: " + e.getReason());
            }
        };
    }

    /** A text in which only {@code allowed} placeholders are filled in. */
    static Param.Rule<String> text(Set<String> allowed) {
        return (field, v) -> {
            String unknown = Placeholders.unknown(v, allowed);
            if (unknown != null) {
                throw new SpecException(field, unknown + " is not known here; only ${email} is");
            }
        };
    }

    static void jsonPath(String field, String path) {
        try {
            JsonPaths.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new SpecException(field, "'" + path + "' is not a JSONPath: " + e.getMessage());
        }
    }

    /** Expected statuses: a code, a range or a list of them, read as text and parsed by {@link #expectation}. */
    static Param<List<String>> status(String name, String fallback, String shown) {
        return Param.statuses(name).withDefault(List.of(fallback)).type("code, list or range").shownDefault(shown);
    }

    static StatusExpectation expectation(Params c, Param<List<String>> param) {
        List<String> items = c.get(param);
        return StatusExpectation.parse(items).orElseThrow(() -> new SpecException(c.path(param.name()), "'" + String.join(", ", items)
                + "' is not a status: use a code (200), a range ('400-499', '4xx') or a list ([401, 403])"));
    }

    /** An http(s) URL that paths are added to: no query or fragment of its own. */
    static URI baseUrl(Params c, String field, String value) {
        URI uri = HttpParams.url(c, field, value);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new SpecException(c.path(field), "must not have a query or fragment: paths are added to it");
        }
        return uri;
    }

    static String method(Params c, Param<String> param) {
        String method = c.get(param).toUpperCase(Locale.ROOT);
        if (!HttpRequestSpec.METHODS.contains(method)) {
            throw new SpecException(c.path(param.name()), "'" + method + "' is not one of " + String.join(", ", new TreeSet<>(HttpRequestSpec.METHODS)));
        }
        return method;
    }

    static boolean jsonObject(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
