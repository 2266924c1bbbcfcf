package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.gate.Verdict;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one step found, the single model behind the JUnit XML, JSON, HTML and console renderings.
 * Every string in it has already passed the secret masker.
 *
 * @param step the step's function name, e.g. {@code hostCheck}
 * @param name the report name (file names derive from it)
 * @param target what the step worked on, e.g. {@code prod-1 (10.0.0.5:22)}
 * @param warnings things a person must notice even when every check passed (host key checking off, say)
 * @param facts what the step learned that later steps or people need (backup id, learned host keys), under
 *     identifier keys; each value is a string, a number, a list of strings or a map of strings to strings
 */
public record Report(
        String step,
        String name,
        String target,
        Instant startedAt,
        Duration duration,
        List<Check> checks,
        List<String> warnings,
        Map<String, Object> facts,
        Verdict verdict)
        implements Serializable {

    public Report {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        Map<String, Object> copy = new LinkedHashMap<>();
        facts.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? Collections.unmodifiableMap(new LinkedHashMap<>(m))
                : v instanceof List<?> l ? List.copyOf(l) : v));
        facts = Collections.unmodifiableMap(copy);
    }

    /** A fact that is one value, as text; null when the report has no such fact. */
    public String fact(String key) {
        Object v = facts.get(key);
        return v == null ? null : v.toString();
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
