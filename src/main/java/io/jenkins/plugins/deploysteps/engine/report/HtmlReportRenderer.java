package io.jenkins.plugins.deploysteps.engine.report;

import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * Renders a {@link Report} as one self-contained HTML page (inline CSS, no scripts, nothing fetched) that a
 * person reads at a glance: the verdict on top, then what needs attention, then every check in the order
 * it ran with its evidence. All text is escaped with the OWASP encoder.
 */
public final class HtmlReportRenderer {
    /*
     * Long values (image digests, URLs, diffs) must wrap rather than widen the page: the table has a fixed layout,
     * every cell and block breaks anywhere when it has to. A failed check's evidence sits in a column-reverse
     * scroll box, which browsers open scrolled to its end, where the error is, without a script.
     */
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2125;background:#f6f7f9}
            main{max-width:1400px;margin:0 auto;padding:24px;box-sizing:border-box}
            header{display:flex;align-items:center;gap:16px;flex-wrap:wrap}
            h1{font-size:20px;margin:0;overflow-wrap:anywhere}
            h2{font-size:16px;margin:18px 0 6px}
            .badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff;font-size:13px}
            .SUCCESS,.PASS{background:#1a7f37}.UNSTABLE,.WARN{background:#b35900}.FAILURE,.FAIL{background:#c62828}
            .ERROR{background:#7b1fa2}.SKIP{background:#6b7280}
            .meta,.reason,li,td,th{overflow-wrap:anywhere}
            .meta{color:#57606a;margin:6px 0 16px}
            .reason{font-size:15px;margin:8px 0 16px}
            .box{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0}
            .warnings,.attention{border-color:#b35900;background:#fff8f0}
            .attention a{color:inherit}
            table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
            th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f0f2f4;font-weight:600}
            col.status{width:80px}col.check{width:20%}col.value{width:15%}col.time{width:80px}col.key{width:22%}
            tr.problem td{background:#fff5f5}tr.problem td:first-child{box-shadow:inset 4px 0 #c62828}
            td.num{text-align:right;white-space:nowrap;color:#57606a}
            code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
            pre{margin:0;white-space:pre-wrap}
            .evidence{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow:auto;max-height:420px}
            .tail{display:flex;flex-direction:column-reverse}
            details{margin-top:4px}summary{cursor:pointer;color:#0969da}
            .summary span{margin-right:14px}
            """;

    /** The page style the step reports and the report index share (one stylesheet, not a copy per page kind). */
    static String stylesheet() {
        return CSS;
    }

    public String render(Report r) {
        StringBuilder h = new StringBuilder(8192);
        String outcome = r.verdict().outcome().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(r.step() + " " + r.name() + ": " + outcome)).append("</title>")
                .append("<style>").append(stylesheet()).append("</style></head><body><main>\n");
        h.append("<header><h1>").append(text(r.step())).append(" &middot; ").append(text(r.name())).append("</h1>")
                .append(badge(outcome)).append("</header>\n");
        h.append("<div class=\"meta\">").append(text(r.target())).append(" &middot; started ")
                .append(text(r.startedAt().truncatedTo(ChronoUnit.MILLIS).toString())).append(" &middot; took ")
                .append(text(Durations.human(r.duration()))).append("</div>\n");
        h.append("<div class=\"reason\">").append(text(r.verdict().reason())).append("</div>\n");
        h.append("<div class=\"summary box\">").append(r.checks().size()).append(" checks: ");
        for (Status s : Status.values()) {
            h.append("<span class=\"count\" data-status=\"").append(s.name()).append("\">").append(badge(s.name())).append(' ')
                    .append(r.count(s)).append("</span>");
        }
        h.append("</div>\n");
        attention(h, r.checks());
        if (!r.warnings().isEmpty()) {
            h.append("<div class=\"box warnings\"><strong>Warnings</strong><ul>");
            for (String w : r.warnings()) {
                h.append("<li>").append(text(w)).append("</li>");
            }
            h.append("</ul></div>\n");
        }
        facts(h, r.facts());
        h.append("<h2>Checks, in the order they ran</h2>\n<table class=\"checks\"><colgroup><col class=\"status\"><col class=\"check\">")
                .append("<col class=\"value\"><col class=\"value\"><col><col class=\"time\"></colgroup>")
                .append("<thead><tr><th>Status</th><th>Check</th><th>Expected</th><th>Actual</th><th>Details</th>")
                .append("<th>Time</th></tr></thead><tbody>\n");
        for (Check c : r.checks()) {
            row(h, c);
        }
        h.append("</tbody></table>\n</main></body></html>\n");
        return h.toString();
    }

    /** Failed, errored and warned checks first, each linking to its row, so nobody scrolls a long table to find them. */
    private static void attention(StringBuilder h, List<Check> checks) {
        List<Check> problems = checks.stream().filter(c -> c.status().isProblem())
                .sorted((a, b) -> Integer.compare(rank(a.status()), rank(b.status()))).toList();
        if (problems.isEmpty()) {
            return;
        }
        h.append("<div class=\"box attention\"><strong>Needs attention</strong><ul>");
        for (Check c : problems) {
            h.append("<li>").append(badge(c.status().name())).append(" <a href=\"#").append(Encode.forHtmlAttribute(c.id())).append("\">")
                    .append(text(c.name())).append("</a>").append(c.message() == null ? "" : ": " + text(c.message())).append("</li>");
        }
        h.append("</ul></div>\n");
    }

    private static int rank(Status s) {
        return switch (s) {
            case FAIL -> 0;
            case ERROR -> 1;
            default -> 2;
        };
    }

    private static void facts(StringBuilder h, Map<String, ?> facts) {
        if (facts.isEmpty()) {
            return;
        }
        h.append("<div class=\"box\"><table class=\"facts\"><colgroup><col class=\"key\"><col></colgroup><tbody>");
        for (Map.Entry<String, ?> f : facts.entrySet()) {
            h.append("<tr><th>").append(text(f.getKey())).append("</th><td>").append(value(f.getValue())).append("</td></tr>");
        }
        h.append("</tbody></table></div>\n");
    }

    private static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("<ul>");
            m.forEach((k, x) -> b.append("<li>").append(text(String.valueOf(k))).append(": ").append(code(String.valueOf(x))).append("</li>"));
            return b.append("</ul>").toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("<ul>");
            l.forEach(x -> b.append("<li>").append(code(String.valueOf(x))).append("</li>"));
            return b.append("</ul>").toString();
        }
        return code(String.valueOf(v));
    }

    private static void row(StringBuilder h, Check c) {
        boolean failed = c.status() == Status.FAIL || c.status() == Status.ERROR;
        h.append("<tr id=\"").append(Encode.forHtmlAttribute(c.id())).append('"')
                .append(c.status().isProblem() ? " class=\"problem\"" : "").append('>')
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
            h.append("<details").append(failed ? " open" : "").append("><summary>").append(text(e.label())).append("</summary>")
                    .append("<div class=\"evidence").append(failed ? " tail" : "").append("\"><pre>").append(text(e.text()))
                    .append("</pre></div></details>");
        }
        h.append("</td><td class=\"num\">").append(text(Durations.human(c.duration()))).append("</td></tr>\n");
    }

    static String badge(String status) {
        return "<span class=\"badge " + Encode.forHtmlAttribute(status) + "\">" + text(status.toLowerCase(Locale.ROOT)) + "</span>";
    }

    private static String code(String s) {
        return s == null ? "" : "<code>" + text(s) + "</code>";
    }

    static String text(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }
}
