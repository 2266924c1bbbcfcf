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
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> facts = Collections.synchronizedMap(new LinkedHashMap<>());

    public ReportBuilder(String step, String name, String target, SecretMasker masker, Clock clock) {
        this.step = step;
        this.name = name;
        this.target = target;
        this.masker = masker;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public Check add(Check check) {
        Check masked = check.mapText(masker::mask);
        checks.add(masked);
        return masked;
    }

    public void warn(String warning) {
        warnings.add(masker.mask(warning));
    }

    public void fact(String key, String value) {
        facts.put(key, masker.mask(value));
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
