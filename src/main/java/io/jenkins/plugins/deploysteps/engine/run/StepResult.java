package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportFiles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finished step: its report and where the report files are. */
public record StepResult(Report report, ReportFiles files) implements Serializable {

    /**
     * The step's return value in a Jenkinsfile: only strings, numbers, lists and maps, so a sandboxed
     * Pipeline can read {@code r.status} or {@code r.checks[0].name} without script approval.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", report.verdict().outcome().name());
        m.put("reason", report.verdict().reason());
        m.put("step", report.step());
        m.put("name", report.name());
        m.put("target", report.target());
        m.put("durationMs", report.duration().toMillis());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Check c : report.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("name", c.name());
            cm.put("status", c.status().name());
            cm.put("message", c.message());
            cm.put("expected", c.expected());
            cm.put("actual", c.actual());
            cm.put("durationMs", c.duration().toMillis());
            cm.put("attempts", c.attempts());
            checks.add(cm);
        }
        m.put("checks", checks);
        m.put("warnings", new ArrayList<>(report.warnings()));
        Map<String, Object> facts = new LinkedHashMap<>();
        report.facts().forEach((k, v) -> facts.put(k, v instanceof Map<?, ?> fm ? new LinkedHashMap<>(fm) : v instanceof List<?> l ? new ArrayList<>(l) : v));
        m.put("facts", facts);
        if (files != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("xml", files.xml());
            r.put("json", files.json());
            r.put("html", files.html());
            m.put("reports", r);
        }
        return m;
    }
}
