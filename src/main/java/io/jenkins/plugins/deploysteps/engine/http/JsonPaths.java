package io.jenkins.plugins.deploysteps.engine.http;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * JSONPaths as steps accept them. The library compiles some broken paths ({@code $.a[}) without complaint and
 * then finds nothing in every body, so a check would wait until its timeout saying "not found"; brackets and
 * quotes are checked here too, so such a path is refused when the step is bound.
 */
public final class JsonPaths {
    private JsonPaths() {}

    /** @throws InvalidPathException when {@code path} is not a JSONPath */
    public static JsonPath compile(String path) {
        JsonPath compiled = JsonPath.compile(path);
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth < 0) {
                throw new InvalidPathException("a ']' without its '['");
            }
        }
        if (quote != 0) {
            throw new InvalidPathException("a quote that is never closed");
        }
        if (depth != 0) {
            throw new InvalidPathException("a '[' that is never closed");
        }
        return compiled;
    }
}
