package io.jenkins.plugins.deploysteps.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML report in a real browser: long values wrap instead of widening the page, and a failed command opens at its end. */
class HtmlReportLayoutTest {
    private static final String LONG = "sha256:" + "0123456789abcdef".repeat(24);
    private static final String MEASURE = """
            var vw = document.documentElement.clientWidth, over = [];
            document.querySelectorAll('main *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > vw + 1) over.push(e.tagName + '.' + e.className + ' ends at ' + Math.round(r.right));
              if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) over.push(e.tagName + '.' + e.className + ' scrolls ' + e.scrollWidth + ' > ' + e.clientWidth);
            });
            var box = document.querySelector('.tail'), pre = box.querySelector('pre'), text = pre.firstChild, range = document.createRange();
            range.setStart(text, text.length - 12); range.setEnd(text, text.length);
            var last = range.getBoundingClientRect(), b = box.getBoundingClientRect();
            var first = document.createRange(); first.setStart(text, 0); first.setEnd(text, 8);
            var rows = {}, header = {};
            document.querySelectorAll('table.checks tbody tr td:first-child .badge').forEach(function (s) { rows[s.className.split(' ')[1]] = (rows[s.className.split(' ')[1]] || 0) + 1; });
            document.querySelectorAll('.summary .count').forEach(function (s) { header[s.dataset.status] = parseInt(s.textContent.replace(/[^0-9]/g, ''), 10); });
            return JSON.stringify({pageScroll: document.documentElement.scrollWidth - vw, overflowing: over,
              lastLineVisible: last.top >= b.top - 1 && last.bottom <= b.bottom + 1,
              firstLineVisible: first.getBoundingClientRect().top >= b.top - 1,
              rows: rows, header: header,
              attention: Array.prototype.map.call(document.querySelectorAll('.attention li .badge'), function (s) { return s.textContent; })});
            """;

    @ParameterizedTest
    @ValueSource(ints = {1280, 1920})
    void longValuesWrapAndAFailedCommandOpensAtItsEnd(int width, @TempDir Path tmp) throws Exception {
        HeadlessChromium.require();
        Path page = tmp.resolve("report.html");
        Files.writeString(page, new HtmlReportRenderer().render(reportWithLongValues()));

        JsonNode m = new ObjectMapper().readTree(HeadlessChromium.measure(page, MEASURE, width, tmp));

        assertThat(m.get("pageScroll").asInt()).as("the page is wider than the window").isLessThanOrEqualTo(0);
        assertThat(m.get("overflowing")).as("elements cut off or scrolling sideways").isEmpty();
        assertThat(m.get("lastLineVisible").asBoolean()).as("the failed command's last line shows without scrolling").isTrue();
        assertThat(m.get("firstLineVisible").asBoolean()).as("300 lines do not fit: the box opens at the end, not the top").isFalse();
        for (Status s : Status.values()) {
            assertThat(m.get("header").get(s.name()).asInt()).as("header count of " + s).isEqualTo(m.get("rows").path(s.name()).asInt(0));
        }
        assertThat(m.get("header").get("FAIL").asInt()).isEqualTo(1);
        assertThat(m.get("attention").toString()).isEqualTo("[\"fail\",\"error\",\"warn\"]");
    }

    @Test
    void timesAreInMillisecondsNotNanoseconds() {
        ReportBuilder b = new ReportBuilder("hostCheck", "t", "h", new SecretMasker(),
                Clock.fixed(Instant.parse("2026-11-26T10:00:00.123456789Z"), ZoneOffset.UTC));
        b.add(Check.named("c").duration(Duration.ofNanos(1_234_567_891)).pass());
        String html = new HtmlReportRenderer().render(b.finish(FailurePolicy.FAILURE));
        assertThat(html).contains("2026-11-26T10:00:00.123Z").doesNotContain("123456789").contains("1.2 s");
    }

    private static Report reportWithLongValues() {
        ReportBuilder b = new ReportBuilder("nginxRoute", "route-" + "x".repeat(120), "prod-1:/etc/nginx/sites-enabled/" + "a".repeat(150),
                new SecretMasker(), Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        String output = IntStream.rangeClosed(1, 300).mapToObj(i -> "step " + i + ": building layer " + LONG.substring(0, 40))
                .collect(Collectors.joining("\n")) + "\nERROR: failed to solve: process did not complete successfully END-OF-LOG";
        String diff = "--- a/site.conf\n+++ b/site.conf\n@@ -1,3 +1,4 @@\n server {\n+    location /api/ { proxy_pass http://127.0.0.1:8080/"
                + "very/long/path/".repeat(30) + "; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }\n }\n";
        b.add(Check.named("image " + LONG).expected(LONG).actual(LONG.toUpperCase()).duration(Duration.ofMillis(12)).pass());
        b.add(Check.named("site diff").severity(Severity.WARNING).expected("no change").actual(LONG).evidence("diff", diff).fail("changed " + LONG));
        b.add(Check.named("compose build").expected("exit 0").actual("exit 1").evidence("output", output).fail("docker compose build failed"));
        b.add(Check.named("probe " + "https://app.example.com/" + "segment/".repeat(40)).error("connection refused " + LONG));
        b.warn("host key verification is off for " + LONG);
        b.fact("backup", LONG);
        b.fact("composeFiles", List.of("/srv/app/" + "nested/".repeat(40) + "compose.yaml", "/srv/app/compose.override.yaml"));
        b.fact("hostKeys", "prod-1", "prod-1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA" + "Q".repeat(200));
        return b.finish(FailurePolicy.FAILURE);
    }
}
