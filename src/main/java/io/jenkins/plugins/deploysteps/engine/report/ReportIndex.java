package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.owasp.encoder.Encode;

/**
 * {@code index.html} in a report folder: every step of one run (a plan, a build), in the order they ran, with its
 * verdict and a link to its report. Rewritten after each step, so a run that stops halfway still has its page.
 */
public final class ReportIndex {
    private final String title;
    private final List<Report> reports = new ArrayList<>();

    public ReportIndex(String title) {
        this.title = title;
    }

    /** Adds a step's report, or replaces the one written under the same name before (a step run again). */
    public synchronized void add(Report report) {
        reports.removeIf(r -> r.name().equals(report.name()));
        reports.add(report);
    }

    public synchronized Path write(Path dir) throws IOException {
        return ReportFiles.writeAtomically(dir, "index.html", render());
    }

    synchronized String render() {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlReportRenderer.text(title)).append("</title>")
                .append("<style>").append(HtmlReportRenderer.stylesheet()).append("</style></head><body><main>\n")
                .append("<header><h1>").append(HtmlReportRenderer.text(title)).append("</h1></header>\n")
                .append("<table class=\"steps\"><colgroup><col class=\"status\"><col class=\"check\"><col class=\"check\"><col><col class=\"time\">")
                .append("</colgroup><thead><tr><th>Status</th><th>Step</th><th>Report</th><th>Target and reason</th><th>Time</th></tr></thead><tbody>\n");
        for (Report r : reports) {
            String file = ReportFiles.fileName(r.name());
            h.append("<tr").append(r.verdict().outcome().name().equals("SUCCESS") ? "" : " class=\"problem\"").append("><td>")
                    .append(HtmlReportRenderer.badge(r.verdict().outcome().name())).append("</td><td><code>")
                    .append(HtmlReportRenderer.text(r.step())).append("</code></td><td><a href=\"").append(Encode.forHtmlAttribute(file + ".html"))
                    .append("\">").append(HtmlReportRenderer.text(r.name())).append("</a> (<a href=\"")
                    .append(Encode.forHtmlAttribute(file + ".json")).append("\">json</a>, <a href=\"").append(Encode.forHtmlAttribute(file + ".xml"))
                    .append("\">junit</a>)</td><td>").append(HtmlReportRenderer.text(r.target())).append("<div class=\"meta\">")
                    .append(HtmlReportRenderer.text(r.verdict().reason())).append("</div></td><td class=\"num\">")
                    .append(HtmlReportRenderer.text(Durations.human(r.duration()))).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n</main></body></html>\n").toString();
    }
}
