package io.jenkins.plugins.deploysteps.engine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a {@link Report} as JSON for tools. The format is versioned and described by {@code docs/report.schema.json}:
 * a change that could break a reader raises the version.
 */
public final class JsonReportRenderer {
    public static final String FORMAT = "deploy-steps-report/2";
    private static final JsonFactory FACTORY = new JsonFactory();

    public String render(Report r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("step", r.step());
            g.writeStringField("name", r.name());
            g.writeStringField("target", r.target());
            g.writeStringField("status", r.verdict().outcome().name());
            g.writeStringField("reason", r.verdict().reason());
            g.writeStringField("startedAt", r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
            g.writeNumberField("durationMs", r.duration().toMillis());
            g.writeObjectFieldStart("summary");
            for (Status s : Status.values()) {
                g.writeNumberField(s.name().toLowerCase(java.util.Locale.ROOT), r.count(s));
            }
            g.writeEndObject();
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("facts");
            for (Map.Entry<String, Object> f : r.facts().entrySet()) {
                g.writeFieldName(f.getKey());
                writeValue(g, f.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("checks");
            for (Check c : r.checks()) {
                writeCheck(g, c);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeCheck(JsonGenerator g, Check c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeStringField("status", c.status().name());
        g.writeNumberField("durationMs", c.duration().toMillis());
        writeOptional(g, "expected", c.expected());
        writeOptional(g, "actual", c.actual());
        writeOptional(g, "message", c.message());
        g.writeNumberField("attempts", c.attempts());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : c.evidence()) {
            g.writeStartObject();
            g.writeStringField("label", e.label());
            g.writeStringField("text", e.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeStringField(e.getKey().toString(), e.getValue().toString());
            }
            g.writeEndObject();
        } else if (v instanceof java.util.List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                g.writeString(x.toString());
            }
            g.writeEndArray();
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static void writeOptional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
