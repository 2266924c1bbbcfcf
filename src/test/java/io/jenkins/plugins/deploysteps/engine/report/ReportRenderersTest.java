package io.jenkins.plugins.deploysteps.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** One report model, three renderings: each must be valid for its reader, complete, escaped and masked. */
class ReportRenderersTest {
    private static final String SECRET = "pa55w0rd-xyz";
    private Report report;

    @BeforeEach
    void buildReport() {
        SecretMasker masker = new SecretMasker();
        masker.register(SECRET);
        ReportBuilder b = new ReportBuilder("hostCheck", "pre-deploy", "prod-1", masker,
                Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        b.add(Check.named("connect to prod-1").duration(Duration.ofMillis(120)).actual("ssh-ed25519 SHA256:abc").pass());
        b.add(Check.named("free disk on /").expected(">= 2.0 GiB").actual("1.0 GiB").fail("only 1.0 GiB free"));
        b.add(Check.named("<script>alert(1)</script>").severity(Severity.WARNING).expected("x").actual("y & z")
                .evidence("output", "colour \u001b[31mred\u001b[0m and password " + SECRET).fail("slow"));
        b.add(Check.named("api health").error("connection refused: token " + SECRET));
        b.add(Check.named("load average").skip("not connected"));
        b.warn("host key verification is OFF for 'prod-1'");
        b.fact("backup", "2026-11-26T10-00-00Z");
        report = b.finish(FailurePolicy.FAILURE);
    }

    @Test
    void junitXmlIsWhatTheJunitPluginReads() throws Exception {
        String xml = new JunitXmlRenderer().render(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).as("the WARN is counted with the skipped, where the test result page shows it").isEqualTo("2");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        Element disk = (Element) cases.item(1);
        assertThat(disk.getAttribute("classname")).isEqualTo("deploy-steps.pre-deploy");
        Element failure = (Element) disk.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("only 1.0 GiB free");
        assertThat(failure.getTextContent()).contains("expected: >= 2.0 GiB").contains("actual:   1.0 GiB");
        Element warned = (Element) cases.item(2);
        assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) warned.getElementsByTagName("skipped").item(0)).getAttribute("message")).isEqualTo("WARN: slow");
        assertThat(warned.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARN: slow").contains("\\u001b[31mred");
        assertThat(((Element) cases.item(3)).getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(((Element) cases.item(4)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(xml).doesNotContain(SECRET).contains("****");
    }

    @Test
    void jsonCarriesEverything() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonReportRenderer().render(report));
        assertThat(json.get("format").asText()).isEqualTo("deploy-steps-report/2");
        assertThat(json.get("status").asText()).isEqualTo("FAILURE");
        assertThat(json.get("summary").get("warn").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(5);
        JsonNode disk = json.get("checks").get(1);
        assertThat(disk.get("expected").asText()).isEqualTo(">= 2.0 GiB");
        assertThat(disk.get("actual").asText()).isEqualTo("1.0 GiB");
        assertThat(json.get("warnings").get(0).asText()).contains("OFF");
        assertThat(json.get("facts").get("backup").asText()).isEqualTo("2026-11-26T10-00-00Z");
        assertThat(json.toString()).doesNotContain(SECRET);
    }

    @Test
    void htmlIsEscapedSelfContainedAndMasked() {
        String html = new HtmlReportRenderer().render(report);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("y &amp; z").contains("host key verification is OFF");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
        assertThat(html).doesNotContain(SECRET);
    }

    @Test
    void consoleSummaryCountsInWordsThatReadAsEnglishAndNamesTheReportOnce() {
        ReportBuilder b = new ReportBuilder("hostCheck", "hostCheck", "prod-1", new SecretMasker(), Clock.systemUTC());
        b.add(Check.named("a").pass());
        b.add(Check.named("b").pass());
        b.add(Check.named("c").error("x"));
        b.add(Check.named("d").error("y"));
        Report plain = b.finish(FailurePolicy.FAILURE);
        assertThat(new ConsoleSummary().render(plain).get(0)).startsWith("hostCheck on prod-1: FAILURE in ").endsWith("(2 passed, 2 errors)");
    }

    @Test
    void consoleSummaryListsOnlyWhatNeedsALook() {
        var lines = new ConsoleSummary().render(report);
        assertThat(lines.get(0)).startsWith("hostCheck 'pre-deploy' on prod-1: FAILURE")
                .endsWith("(1 passed, 1 warning, 1 failed, 1 error, 1 skipped)");
        assertThat(lines).anyMatch(l -> l.contains("FAIL  free disk on /: only 1.0 GiB free (expected >= 2.0 GiB, actual 1.0 GiB)"));
        assertThat(lines).noneMatch(l -> l.contains("connect to prod-1"));
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
    }

    @Test
    void filesAreWrittenUnderTheReportName(@TempDir Path dir) throws Exception {
        ReportFiles files = ReportFiles.write(report, dir);
        assertThat(Path.of(files.xml())).isEqualTo(dir.resolve("pre-deploy.xml")).exists();
        assertThat(Path.of(files.json())).exists();
        assertThat(Files.readString(Path.of(files.html()))).contains("pre-deploy");
        assertThat(ReportFiles.fileName("../../etc/passwd")).isEqualTo("report..-..-etc-passwd");
        assertThat(report.verdict().outcome()).isEqualTo(Outcome.FAILURE);
    }
}
