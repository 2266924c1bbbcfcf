package io.jenkins.plugins.deploysteps.engine.params;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A default value as help and docs write it: as a user would write it in a Jenkinsfile ({@code '30s'}, {@code ['/']}). */
final class ParamText {
    private ParamText() {}

    static String literal(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ParamText::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "[:]" : map.toString();
        }
        if (value instanceof Duration d) {
            return "'" + Durations.format(d) + "'";
        }
        if (value instanceof String || value instanceof Enum<?>) {
            return "'" + value + "'";
        }
        return String.valueOf(value).toLowerCase(Locale.ROOT);
    }
}
