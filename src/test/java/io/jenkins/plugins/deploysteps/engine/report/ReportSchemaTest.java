package io.jenkins.plugins.deploysteps.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheckSpec;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.testing.PlanStepHarness;
import io.jenkins.plugins.deploysteps.testing.SharedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** docs/report.schema.json describes the JSON reports steps really write: a passing and a failing run against the local sshd. */
class ReportSchemaTest {
    @RegisterExtension
    static final SharedTarget TARGET = SharedTarget.sshd();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path reports;

    @BeforeAll
    static void loadSchema() throws Exception {
        Path file = Path.of(System.getProperty("deploysteps.repo", "."), "docs", "report.schema.json");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(file));
    }

    private JsonNode runHostCheck(Map<String, Object> params) throws Exception {
        PlanStepHarness<HostCheckSpec> harness = new PlanStepHarness<>(new HostCheck(), reports);
        harness.hosts.put("local", TARGET.get().host("local"));
        StepResult r = harness.run(params);
        return JSON.readTree(Files.readString(Path.of(r.files().json())));
    }

    @Test
    void aPassingHostCheckReportFollowsTheSchema() throws Exception {
        JsonNode report = runHostCheck(Map.of("host", "local", "paths", List.of("/", "/tmp"), "minFreeDisk", "1MB"));
        assertThat(problems(report)).isEmpty();
        assertThat(report.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(report.get("checks").get(1).get("id").asText()).isEqualTo("free-disk-on");
        assertThat(report.get("checks").get(2).get("id").asText()).isEqualTo("free-disk-on-tmp");
        assertThat(report.get("facts").get("hostKeys").get("local").asText()).contains("ssh-");
    }

    @Test
    void aFailingHostCheckReportFollowsTheSchema() throws Exception {
        JsonNode report = runHostCheck(Map.of("host", "local", "minFreeDisk", "1000TB", "requireCommands", List.of("no-such-command-xyz")));
        assertThat(problems(report)).isEmpty();
        assertThat(report.get("status").asText()).isEqualTo("FAILURE");
        assertThat(report.get("summary").get("fail").asInt()).isPositive();
    }

    @Test
    void listAndNumberFactsFollowTheSchema() throws Exception {
        ReportBuilder b = new ReportBuilder("composeDeploy", "deploy", "prod-1:/srv/app", new SecretMasker(), Clock.systemUTC());
        b.add(Check.named("up").evidence("output", "done").pass());
        b.add(Check.named("up").skip("again"));
        b.fact("backups", List.of("2026-11-26T10-00-00Z", "2026-11-27T10-00-00Z"));
        b.fact("mailboxPolls", 3);
        JsonNode report = JSON.readTree(new JsonReportRenderer().render(b.finish(FailurePolicy.FAILURE)));
        assertThat(problems(report)).isEmpty();
        assertThat(report.get("checks").get(1).get("id").asText()).as("ids are unique in a report").isEqualTo("up-2");
    }

    @Test
    void theSchemaRejectsWhatItMustReject() throws Exception {
        JsonNode good = runHostCheck(Map.of("host", "local", "minFreeDisk", "1MB"));
        ObjectNode noId = good.deepCopy();
        ((ObjectNode) noId.get("checks").get(0)).remove("id");
        ObjectNode phraseKey = good.deepCopy();
        ((ObjectNode) phraseKey.get("facts")).put("host key local", "ssh-ed25519 AAAA");
        ObjectNode oldFormat = ((ObjectNode) good.deepCopy()).put("format", "deploy-steps-report/1");
        assertThat(problems(noId)).anyMatch(m -> m.contains("id"));
        assertThat(problems(phraseKey)).isNotEmpty();
        assertThat(problems(oldFormat)).isNotEmpty();
    }

    private static List<String> problems(JsonNode report) {
        Set<ValidationMessage> errors = schema.validate(report);
        return errors.stream().map(ValidationMessage::getMessage).toList();
    }
}
