package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.gate.Verdict;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
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
 * @param facts what the step learned that later steps or people need (backup id, learned host key)
 */
public record Report(
        String step,
        String name,
        String target,
        Instant startedAt,
        Duration duration,
        List<Check> checks,
        List<String> warnings,
        Map<String, String> facts,
        Verdict verdict)
        implements Serializable {

    public Report {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }
}
