package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.util.Locale;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * Renders a {@link Report} as one self-contained HTML page (inline CSS, no scripts, nothing fetched) that a
 * person reads at a glance: the verdict on top, then what needs attention, then every check in the order
 * it ran with its evidence folded away. All text is escaped with the OWASP encoder.
 */
public final class HtmlReportRenderer {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2125;background:#f6f7f9}
            main{max-width:1100px;margin:0 auto;padding:24px}
            header{display:flex;align-items:center;gap:16px;flex-wrap:wrap}
            h1{font-size:20px;margin:0}
            .badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff;font-size:13px}
            .SUCCESS,.PASS{background:#1a7f37}.UNSTABLE,.WARN{background:#b35900}.FAILURE,.FAIL{background:#c62828}
            .ERROR{background:#7b1fa2}.SKIP{background:#6b7280}
            .meta{color:#57606a;margin:6px 0 16px}
            .reason{font-size:15px;margin:8px 0 16px}
            .box{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0}
            .warnings{border-color:#b35900;background:#fff8f0}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f0f2f4;font-weight:600}
            tr.problem td{background:#fff5f5}
            td.num{text-align:right;white-space:nowrap;color:#57606a}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            pre{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow:auto;max-height:420px;white-space:pre-wrap}
            details{margin-top:4px}summary{cursor:pointer;color:#0969da}
            .summary span{margin-right:14px}
            """;

    public String render(Report r) {
        StringBuilder h = new StringBuilder(8192);
        String outcome = r.verdict().outcome().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(r.step() + " " + r.name() + ": " + outcome)).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body><main>\n");
        h.append("<header><h1>").append(text(r.step())).append(" &middot; ").append(text(r.name())).append("</h1>")
                .append(badge(outcome)).append("</header>\n");
        h.append("<div class=\"meta\">").append(text(r.target())).append(" &middot; started ")
                .append(text(r.startedAt().toString())).append(" &middot; took ").append(text(Durations.human(r.duration())))
                .append("</div>\n");
        h.append("<div class=\"reason\">").append(text(r.verdict().reason())).append("</div>\n");
        h.append("<div class=\"summary box\">");
        for (Status s : Status.values()) {
            h.append("<span>").append(badge(s.name())).append(' ').append(r.count(s)).append("</span>");
        }
        h.append("</div>\n");
        if (!r.warnings().isEmpty()) {
            h.append("<div class=\"box warnings\"><strong>Warnings</strong><ul>");
            for (String w : r.warnings()) {
                h.append("<li>").append(text(w)).append("</li>");
            }
            h.append("</ul></div>\n");
        }
        if (!r.facts().isEmpty()) {
            h.append("<div class=\"box\"><table><tbody>");
            for (Map.Entry<String, String> f : r.facts().entrySet()) {
                h.append("<tr><th>").append(text(f.getKey())).append("</th><td><code>").append(text(f.getValue())).append("</code></td></tr>");
            }
            h.append("</tbody></table></div>\n");
        }
        h.append("<table><thead><tr><th>Status</th><th>Check</th><th>Expected</th><th>Actual</th><th>Details</th>")
                .append("<th>Time</th></tr></thead><tbody>\n");
        for (Check c : r.checks()) {
            row(h, c);
        }
        h.append("</tbody></table>\n</main></body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, Check c) {
        h.append("<tr").append(c.status().isProblem() ? " class=\"problem\"" : "").append('>')
                .append("<td>").append(badge(c.status().name())).append("</td>")
                .append("<td>").append(text(c.name())).append("</td>")
                .append("<td>").append(code(c.expected())).append("</td>")
                .append("<td>").append(code(c.actual())).append("</td><td>");
        if (c.message() != null) {
            h.append(text(c.message()));
        }
        if (c.attempts() > 1) {
            h.append("<div class=\"meta\">").append(c.attempts()).append(" attempts</div>");
        }
        for (Evidence e : c.evidence()) {
            h.append("<details").append(c.status() == Status.FAIL || c.status() == Status.ERROR ? " open" : "").append("><summary>")
                    .append(text(e.label())).append("</summary><pre>").append(text(e.text())).append("</pre></details>");
        }
        h.append("</td><td class=\"num\">").append(text(Durations.human(c.duration()))).append("</td></tr>\n");
    }

    private static String badge(String status) {
        return "<span class=\"badge " + Encode.forHtmlAttribute(status) + "\">" + text(status.toLowerCase(Locale.ROOT)) + "</span>";
    }

    private static String code(String s) {
        return s == null ? "" : "<code>" + text(s) + "</code>";
    }

    private static String text(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
