package io.jenkins.plugins.deploysteps.engine.report;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link Report} as the JUnit XML that Jenkins' junit plugin reads: one testsuite per step, one
 * testcase per check, {@code <failure>} for FAIL, {@code <error>} for ERROR, {@code <skipped>} for SKIP.
 * JUnit has no "passed with a warning", and a failure there would make the junit step fail the build the gate
 * only marks UNSTABLE; so a WARN is a {@code <skipped>} testcase whose message starts with {@code WARN:}, counted
 * in the Skip column of Jenkins' test result page and shown with its message there.
 */
public final class JunitXmlRenderer {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    public String render(Report r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", clean(r.step() + ": " + r.target()));
            x.writeAttribute("tests", Integer.toString(r.checks().size()));
            x.writeAttribute("failures", Long.toString(r.count(Status.FAIL)));
            x.writeAttribute("errors", Long.toString(r.count(Status.ERROR)));
            x.writeAttribute("skipped", Long.toString(r.count(Status.SKIP) + r.count(Status.WARN)));
            x.writeAttribute("time", seconds(r.duration().toMillis()));
            x.writeAttribute("timestamp", r.startedAt().toString());
            x.writeCharacters("\n  ");
            x.writeStartElement("properties");
            property(x, "status", r.verdict().outcome().name());
            property(x, "reason", r.verdict().reason());
            property(x, "target", r.target());
            for (Map.Entry<String, Object> f : r.facts().entrySet()) {
                if (f.getValue() instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        property(x, f.getKey() + "." + e.getKey(), e.getValue().toString());
                    }
                } else if (f.getValue() instanceof java.util.List<?> l) {
                    property(x, f.getKey(), String.join("\n", l.stream().map(Object::toString).toList()));
                } else {
                    property(x, f.getKey(), f.getValue().toString());
                }
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            String classname = "deploy-steps." + r.name();
            for (Check c : r.checks()) {
                testcase(x, classname, c);
            }
            if (!r.warnings().isEmpty()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("system-err");
                x.writeCharacters(clean("WARNING: " + String.join("\nWARNING: ", r.warnings())));
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render JUnit XML", e);
        }
        return out.toString();
    }

    private static void testcase(XMLStreamWriter x, String classname, Check c) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", clean(classname));
        x.writeAttribute("name", clean(c.name()));
        x.writeAttribute("time", seconds(c.duration().toMillis()));
        String element = switch (c.status()) {
            case FAIL -> "failure";
            case ERROR -> "error";
            case SKIP, WARN -> "skipped";
            default -> null;
        };
        if (element != null) {
            x.writeCharacters("\n    ");
            x.writeStartElement(element);
            String message = c.message() == null ? c.status().name() : c.message();
            x.writeAttribute("message", clean(c.status() == Status.WARN ? "WARN: " + message : message));
            if (c.status() != Status.SKIP && c.status() != Status.WARN) {
                x.writeAttribute("type", c.status().name());
                x.writeCharacters(clean(details(c)));
            }
            x.writeEndElement();
        }
        String warning = c.status() == Status.WARN ? "WARN: " + (c.message() == null ? "" : c.message()) + "\n" + details(c) : "";
        String out = warning + evidenceText(c);
        if (!out.isBlank()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("system-out");
            x.writeCharacters(clean(out));
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static String details(Check c) {
        StringBuilder b = new StringBuilder();
        if (c.expected() != null) {
            b.append("expected: ").append(c.expected()).append('\n');
        }
        if (c.actual() != null) {
            b.append("actual:   ").append(c.actual()).append('\n');
        }
        if (c.attempts() > 1) {
            b.append("attempts: ").append(c.attempts()).append('\n');
        }
        return b.toString();
    }

    private static String evidenceText(Check c) {
        StringBuilder b = new StringBuilder();
        for (Evidence e : c.evidence()) {
            b.append("--- ").append(e.label()).append(" ---\n").append(e.text());
            if (!e.text().endsWith("\n")) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", clean(name));
        x.writeAttribute("value", clean(value));
    }

    private static String clean(String s) {
        return XmlText.clean(s);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
