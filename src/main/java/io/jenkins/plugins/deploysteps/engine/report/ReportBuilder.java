package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.gate.Gate;
import io.jenkins.plugins.deploysteps.engine.gate.Verdict;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a step's checks as they happen. Everything added is masked on the way in, so nothing
 * downstream (renderers, the Jenkins adapter, the CLI) can leak a secret by forgetting to mask.
 */
public final class ReportBuilder {
    private final String step;
    private final String name;
    private final String target;
    private final SecretMasker masker;
    private final Clock clock;
    private final Instant startedAt;
    private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<String> ids = new java.util.HashSet<>();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> facts = Collections.synchronizedMap(new LinkedHashMap<>());

    public ReportBuilder(String step, String name, String target, SecretMasker masker, Clock clock) {
        this.step = step;
        this.name = name;
        this.target = target;
        this.masker = masker;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Adds a check, masked, under an id no other check of this report has (a repeated id gets {@code -2}, {@code -3}...). */
    public Check add(Check check) {
        Check masked = check.mapText(masker::mask);
        synchronized (checks) {
            String id = masked.id();
            for (int n = 2; ids.contains(id); n++) {
                id = masked.id() + "-" + n;
            }
            ids.add(id);
            Check unique = id.equals(masked.id()) ? masked : masked.withId(id);
            checks.add(unique);
            return unique;
        }
    }

    public void warn(String warning) {
        warnings.add(masker.mask(warning));
    }

    public void fact(String key, String value) {
        facts.put(key, masker.mask(value));
    }

    public void fact(String key, long value) {
        facts.put(key, value);
    }

    /** A list fact (backup ids, compose files): a list in the JSON, never one comma-joined string. */
    public void fact(String key, List<String> values) {
        facts.put(key, values.stream().map(masker::mask).toList());
    }

    /** Adds {@code name → value} to the map fact {@code key} (host keys by host), so no key carries a host name. */
    public void fact(String key, String name, String value) {
        synchronized (facts) {
            Object old = facts.get(key);
            Map<String, String> m = new LinkedHashMap<>();
            if (old instanceof Map<?, ?> o) {
                o.forEach((k, v) -> m.put((String) k, (String) v));
            }
            m.put(masker.mask(name), masker.mask(value));
            facts.put(key, m);
        }
    }

    public List<Check> checks() {
        synchronized (checks) {
            return List.copyOf(checks);
        }
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Report finish(FailurePolicy onFailure) {
        List<Check> all = checks();
        Duration took = Duration.between(startedAt, clock.instant());
        synchronized (warnings) {
            synchronized (facts) {
                Verdict verdict = Gate.evaluate(all, onFailure);
                return new Report(step, name, masker.mask(target), startedAt, took, all, List.copyOf(warnings), facts,
                        new Verdict(verdict.outcome(), masker.mask(verdict.reason())));
            }
        }
    }
}
