package io.jenkins.plugins.deploysteps.engine.report;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where a report's three renderings were written: {@code <dir>/<name>.xml|json|html}. */
public record ReportFiles(String xml, String json, String html) implements Serializable {

    /** A report name as a file name: letters, digits, dot, dash and underscore survive, the rest become dashes. */
    public static String fileName(String reportName) {
        String s = reportName.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() || s.startsWith(".") ? "report" + s : s;
    }

    /** Writes all three renderings, each atomically, so a reader never sees half a report. */
    public static ReportFiles write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = fileName(report.name());
        Path xml = writeAtomically(dir, base + ".xml", new JunitXmlRenderer().render(report));
        Path json = writeAtomically(dir, base + ".json", new JsonReportRenderer().render(report));
        Path html = writeAtomically(dir, base + ".html", new HtmlReportRenderer().render(report));
        return new ReportFiles(xml.toString(), json.toString(), html.toString());
    }

    static Path writeAtomically(Path dir, String name, String content) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
