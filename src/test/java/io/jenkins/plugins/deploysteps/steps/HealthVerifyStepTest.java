package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.healthverify.HealthCheckSpec;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerifySpec;
import io.jenkins.plugins.deploysteps.engine.http.HttpAuth;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.secret.Credential;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The Pipeline step, its check and TLS forms bind to the engine under the CLI's names, every parameter, no loss. */
class HealthVerifyStepTest {

    private static Set<String> setters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return names;
    }

    private static Set<String> engine(String prefix) {
        return new HealthVerify().params().stream().map(ParamDoc::name).filter(n -> prefix.isEmpty() ? !n.contains(".") : n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theStepItsChecksAndItsTlsCertificatesShareTheCliVocabulary() {
        assertThat(setters(HealthVerifyStep.class)).isEqualTo(engine(""));
        assertThat(setters(HealthCheck.class)).isEqualTo(engine("checks[]."));
        assertThat(setters(TlsCertificates.class)).isEqualTo(engine("tls."));
    }

    @Test
    void everyParameterReachesTheEngineSpec() {
        HealthCheck api = new HealthCheck();
        api.setName("api");
        api.setUrl("https://app.example.com/api/health");
        api.setMethod("POST");
        api.setHeaders(Map.of("Accept", "application/json"));
        api.setBody("{}");
        api.setCredentialsId("api-token");
        api.setExpectStatus("200, 204");
        api.setExpectBodyContains("ok");
        api.setExpectBodyMatches("o+k");
        api.setExpectJson(Map.of("$.status", "ok"));
        api.setExpectHeader(Map.of("X-Version", "exists"));
        api.setMaxLatency("500ms");
        api.setSamples(5);
        api.setP95Latency("300ms");
        api.setFollowRedirects(true);
        api.setExpectRedirectTo("https://app.example.com/api/health/");
        api.setTimeout("3s");
        api.setSeverity("warning");
        HealthCheck fromContainer = new HealthCheck();
        fromContainer.setUrl("http://backend:3000/health");
        fromContainer.setHost("prod-1");
        fromContainer.setContainer("frontend");
        HealthCheck db = new HealthCheck();
        db.setTcp("localhost:5432");
        db.setHost("prod-1");
        TlsCertificates tls = new TlsCertificates();
        tls.setWarnDays(30);
        tls.setFailDays(10);
        HealthVerifyStep step = new HealthVerifyStep();
        step.setChecks(List.of(api, fromContainer, db));
        step.setWaitTimeout("2m");
        step.setInterval("1s");
        step.setMaxInterval("10s");
        step.setConsecutive(2);
        step.setParallelism(4);
        step.setTimeout("20s");
        step.setTls(tls);
        step.setReportName("after-deploy");
        step.setOnFailure("UNSTABLE");
        step.setArchive(false);

        HealthVerifySpec spec = new HealthVerify().bind(Params.of(step.toParams(), (field, id) -> new Credential.SecretText("t-" + id)));
        assertThat(spec.checks()).hasSize(3);
        HealthCheckSpec.HttpProbe probe = (HealthCheckSpec.HttpProbe) spec.checks().get(0).probe();
        assertThat(probe.request().auth()).isEqualTo(new HttpAuth.Bearer("t-api-token"));
        assertThat(probe.request().method()).isEqualTo("POST");
        assertThat(probe.assertions()).hasSize(7);
        assertThat(probe.samples()).isEqualTo(5);
        assertThat(spec.checks().get(1).origin()).isEqualTo(new HealthCheckSpec.Origin("prod-1", "frontend"));
        assertThat(spec.checks().get(2).probe()).isInstanceOf(HealthCheckSpec.TcpProbe.class);
        assertThat(spec.polling()).isEqualTo(new HealthVerifySpec.Polling(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(10), 2));
        assertThat(spec.parallelism()).isEqualTo(4);
        assertThat(spec.tls().warnDays()).isEqualTo(30);
        assertThat(spec.tls().failDays()).isEqualTo(10);
        assertThat(spec.common().archive()).isFalse();
    }

    @Test
    void unsetParametersLeaveTheEngineDefaults() {
        HealthVerifyStep step = new HealthVerifyStep();
        step.setUrl(" https://app.example.com/ ");
        step.setWaitTimeout("  ");
        assertThat(step.toParams()).isEqualTo(Map.of("url", "https://app.example.com/", "archive", true));
        assertThat(StepParams.of(new HealthCheck(), HealthVerify.CHECK_PARAMS)).isEmpty();
        assertThat(StepParams.of(new TlsCertificates(), HealthVerify.TLS_PARAMS)).isEmpty();
    }

    @Test
    void jenkinsfileCheckMapsKeepGroovyValuesAndRefuseUnknownKeys() {
        Map<String, Object> groovy = new LinkedHashMap<>();
        groovy.put("url", "https://x/");
        groovy.put("expectStatus", 200);
        groovy.put("expectJson", Map.of("$.count", 3));
        assertThat(HealthCheck.fromPipeline(groovy)).containsEntry("expectStatus", "200").containsEntry("expectJson", Map.of("$.count", "3"));
        groovy.put("expectStatus", List.of(200, 204));
        assertThat(HealthCheck.fromPipeline(groovy)).containsEntry("expectStatus", "200, 204");
        groovy.put("expectJsn", Map.of());
        assertThatThrownBy(() -> HealthCheck.fromPipeline(groovy)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("expectJsn: unknown parameter (did you mean 'expectJson'?)");
    }

    @Test
    void mapFieldsAreOneEntryPerLineInTheForm() {
        assertThat(StepForms.entries("Accept: application/json\n\nX-Trace:  1 \n", ": ")).containsExactly(Map.entry("Accept", "application/json"),
                Map.entry("X-Trace", "1"));
        assertThat(StepForms.entries("$.status = ok\n$[?(@.a == 1)].b = x = y\n$.n=3", " = ")).containsExactly(Map.entry("$.status", "ok"),
                Map.entry("$[?(@.a == 1)].b", "x = y"), Map.entry("$.n", "3"));
        assertThatThrownBy(() -> StepForms.entries("$.a = 1\njust text", " = ")).hasMessage("line 2 ('just text') is not 'key = value'");
        assertThat(StepForms.entriesText(Map.of("$.status", "ok"), " = ")).isEqualTo("$.status = ok");
        assertThat(StepForms.entriesText(null, ": ")).isEmpty();
    }

    @Test
    void formChecksOfACheckSayWhatTheEngineSays() {
        Map<String, Object> minimal = Map.of("url", "http://localhost/");
        assertThat(StepForms.problemInList(new HealthVerify(), Map.of(), "checks", minimal, "expectJson", Map.of("$.a.", "1")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("'$.a.' is not a JSONPath"));
        assertThat(StepForms.problemInList(new HealthVerify(), Map.of(), "checks", minimal, "maxLatency", "fast"))
                .contains("'fast' is not a duration (use ms, s, m or h, e.g. '90s', '2m', '1m30s')");
        assertThat(StepForms.problemInList(new HealthVerify(), Map.of(), "checks", Map.of(), "url", "ftp://x/"))
                .contains("'ftp://x/' is not an http:// or https:// URL with a host");
        assertThat(StepForms.problemInList(new HealthVerify(), Map.of(), "checks", minimal, "expectStatus", "200")).isEmpty();
        assertThat(StepForms.problem(new HealthVerify(), Map.of("url", "https://x/"), "tls", Map.of("warnDays", "many")))
                .contains("'many' is not a whole number");
    }

    @Test
    void theGraphShowsTheUrlOrCheckNamesButNoQueryString() {
        assertThat(HealthVerifyStep.describe(Map.of("url", "https://app/health?token=abc"))).isEqualTo("https://app/health");
        assertThat(HealthVerifyStep.describe(Map.of("checks", List.of(Map.of("name", "api"), Map.of("url", "http://x/?k=v"), Map.of("tcp", "db:5432")))))
                .isEqualTo("api, http://x/, db:5432");
    }

    @Test
    void everyFieldHasAFormEntryAndAHelpFile() throws Exception {
        Path resources = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps");
        for (Class<?> type : List.of(HealthVerifyStep.class, HealthCheck.class, TlsCertificates.class)) {
            Path dir = resources.resolve(type.getSimpleName());
            String jelly = Files.readString(dir.resolve("config.jelly"));
            assertThat(dir.resolve("help.html")).exists();
            for (String field : setters(type)) {
                assertThat(dir.resolve("help-" + field + ".html")).as(type.getSimpleName() + "." + field).exists();
                assertThat(jelly).as(type.getSimpleName() + "." + field).contains("field=\"" + field + "\"");
            }
        }
    }
}
