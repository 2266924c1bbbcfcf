package io.jenkins.plugins.deploysteps.engine.http;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import java.math.BigDecimal;
import java.util.Collection;

/** A response body parsed as JSON once, however many JSONPath assertions read it. */
public final class JsonBody {
    /** What a path selected: {@code found} with the value and its text, or the reason nothing could be selected. */
    public record Selected(boolean found, Object value, String text, String problem) {}

    private final HttpResult response;
    private final Configuration config = Configuration.defaultConfiguration();
    private Object document;
    private String parseProblem;
    private boolean parsed;

    public JsonBody(HttpResult response) {
        this.response = response;
    }

    public Selected select(String path) {
        if (!parsed) {
            parsed = true;
            if (response.truncated()) {
                parseProblem = "the body is larger than " + response.body().length + " bytes and was not read as JSON";
            } else {
                try {
                    document = config.jsonProvider().parse(response.bodyText());
                    if (!looksLikeJson(response.bodyText())) {
                        // the parser is lenient (bare words pass as a string): say what the body is, not "not found"
                        parseProblem = "the body is not JSON (it starts '" + Assertion.oneLine(response.bodyText().strip(), 40) + "')";
                    }
                } catch (InvalidJsonException e) {
                    parseProblem = "the body is not JSON (" + Assertion.oneLine(String.valueOf(e.getMessage()), 120) + ")";
                }
            }
        }
        if (parseProblem != null) {
            return new Selected(false, null, null, parseProblem);
        }
        JsonPath compiled = JsonPath.compile(path);
        try {
            Object value = compiled.read(document, config);
            boolean found = !(compiled.isDefinite() == false && value instanceof Collection<?> c && c.isEmpty());
            return new Selected(found, value, text(value), null);
        } catch (PathNotFoundException e) {
            return new Selected(false, null, null, null);
        } catch (JsonPathException e) {
            return new Selected(false, null, null, "the path cannot be evaluated on this body (" + e.getMessage() + ")");
        }
    }

    /** Starts as a JSON value does: an object, an array, a string, a number, true, false or null. */
    static boolean looksLikeJson(String body) {
        String t = body.strip();
        return !t.isEmpty() && ("{[\"-0123456789".indexOf(t.charAt(0)) >= 0 || t.equals("true") || t.equals("false") || t.equals("null"));
    }

    /** Strings as they are, everything else as JSON text. */
    String text(Object value) {
        return value instanceof String s ? s : config.jsonProvider().toJson(value);
    }

    /** Text equality, or equal numbers ({@code 1} and {@code 1.0}). */
    static boolean sameValue(String expected, Object actual, String actualText) {
        if (expected.equals(actualText)) {
            return true;
        }
        if (actual instanceof Number) {
            try {
                return new BigDecimal(expected.trim()).compareTo(new BigDecimal(actualText)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
