package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.healthverify.HealthVerify;
import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkAuthCheck;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one generic field check serves the fields that used to have a check method of their own: a field checked
 * against another one gets it from the form ({@code checkDependsOn}), a field checked next to other values gets
 * them from its descriptor, and a host field is a Deploy host.
 */
class FieldChecksTest {
    private static FieldCheck healthVerify(String field) {
        return FieldCheck.of(new HealthVerify(), HealthVerifyStep.DescriptorImpl.MINIMAL, field, ": ").orElseThrow();
    }

    private static FieldCheck check(String field) {
        return FieldCheck.ofSetting(new HealthVerify(), Map.of(), "checks", HealthCheck.DescriptorImpl.MINIMAL_FOR.getOrDefault(field,
                HealthCheck.DescriptorImpl.MINIMAL), field, ": ").orElseThrow();
    }

    @Test
    void aFieldComparedWithAnotherIsBoundNextToTheOneTheFormSends() {
        assertThat(healthVerify("maxInterval").problem("5s", Map.of("interval", "10s"))).contains("must not be shorter than interval (10s)");
        assertThat(healthVerify("maxInterval").problem("5s")).isEmpty();
        assertThat(healthVerify("maxInterval").problem("soon")).get().asString().contains("'soon'");

        FieldCheck failDays = FieldCheck.ofSetting(new HealthVerify(), TlsCertificates.DescriptorImpl.MINIMAL, "tls", Map.of(), "failDays", ": ")
                .orElseThrow();
        assertThat(failDays.problem("30", Map.of("warnDays", "10"))).contains("30 is more than warnDays (10): a certificate must warn before it fails");
        assertThat(failDays.problem("5", Map.of("warnDays", "10"))).isEmpty();
        assertThat(failDays.problem("30")).contains("30 is more than warnDays (21): a certificate must warn before it fails");
    }

    @Test
    void onlyDeclaredFieldsTheFormSendsAreBound() {
        assertThat(healthVerify("maxInterval").problem("5s", Map.of("intervl", "10s"))).isEmpty();
    }

    @Test
    void aCheckFieldIsBoundNextToWhatItNeeds() {
        assertThat(check("tcp").problem("db:5432")).isEmpty();
        assertThat(check("tcp").problem("db")).get().asString().startsWith("'db' is not host:port");
        assertThat(check("container").problem("web")).isEmpty();
        assertThat(check("container").problem("-web")).contains("'-web' is not a container name or id");
        assertThat(check("maxLatency").problem("fast")).contains("'fast' is not a duration (use ms, s, m or h, e.g. '90s', '2m', '1m30s')");
    }

    @Test
    void syncFilesFieldsAreCheckedByTheEngine() {
        FieldCheck keep = FieldCheck.of(new SyncFiles(), SyncFilesStep.DescriptorImpl.MINIMAL, "keepReleases", ": ").orElseThrow();
        assertThat(keep.problem("0")).contains("0 is out of range (1 to 100)");
        assertThat(keep.problem("3")).isEmpty();
        FieldCheck to = FieldCheck.of(new SyncFiles(), SyncFilesStep.DescriptorImpl.MINIMAL, "to", ": ").orElseThrow();
        assertThat(to.problem("/")).contains("'/' must be an absolute folder on the host, not / and without '..'");
        FieldCheck preserve = FieldCheck.of(new SyncFiles(), SyncFilesStep.DescriptorImpl.MINIMAL, "preserve", ": ").orElseThrow();
        assertThat(preserve.problem("**/.env\nsecrets/**")).isEmpty();
    }

    @Test
    void composeDeploysRouteAndDowntimeProbeFieldsAreCheckedByTheEngine() {
        FieldCheck port = FieldCheck.ofSetting(new ComposeDeploy(), BlueGreenRoute.DescriptorImpl.BLUE_GREEN, "routes",
                BlueGreenRoute.DescriptorImpl.MINIMAL, "port", ": ").orElseThrow();
        assertThat(port.problem("3000")).isEmpty();
        assertThat(port.problem("0")).contains("0 is out of range (1 to 65535)");
        FieldCheck interval = FieldCheck.ofSetting(new ComposeDeploy(), ComposeStep.ComposeDescriptor.MINIMAL, "downtimeProbe",
                DowntimeProbe.DescriptorImpl.MINIMAL, "interval", ": ").orElseThrow();
        assertThat(interval.problem("100ms")).isEmpty();
        assertThat(interval.problem("soon")).get().asString().contains("'soon'");
    }

    /**
     * composeDeploy's verifyMagicLink form is magicLinkAuthCheck's login with that step's descriptor, so its fields are checked at the
     * step's own field checks: one serves every field the login declares. What only a blue-green deploy can say (the
     * {@code baseUrl} must be a published port) is said when the step binds ({@code ComposeDeployStrategyStepTest}).
     */
    @Test
    void theMagicLinkCheckOfTheNewCopyIsCheckedByMagicLinkAuthChecksOwnFieldChecks() {
        java.util.function.Function<String, java.util.Optional<FieldCheck>> field = name -> FieldCheck.of(new MagicLinkAuthCheck(),
                MagicLinkAuthCheckStep.DescriptorImpl.MINIMAL, name, ": ");
        for (String name : MagicLinkAuthCheck.FLOW_PARAMS.names()) {
            assertThat(field.apply(name)).as(name).isPresent();
        }
        assertThat(field.apply("mailTimeout").orElseThrow().problem("30s")).isEmpty();
        assertThat(field.apply("mailTimeout").orElseThrow().problem("soon")).get().asString().contains("'soon'");
        assertThat(field.apply("baseUrl").orElseThrow().problem("http://127.0.0.1:3000")).isEmpty();
    }

    @Test
    void aHostFieldNamesADeployHostAndOtherFieldsDoNot() {
        assertThat(FieldCheck.of(new SyncFiles(), SyncFilesStep.DescriptorImpl.MINIMAL, "host", ": ").orElseThrow().namesADeployHost()).isTrue();
        assertThat(check("host").namesADeployHost()).isTrue();
        assertThat(FieldCheck.of(new ComposeDeploy(), ComposeStep.ComposeDescriptor.MINIMAL, "composeCommand", ": ").orElseThrow().namesADeployHost())
                .isFalse();
        assertThat(FieldCheck.of(new SyncFiles(), SyncFilesStep.DescriptorImpl.MINIMAL, "hots", ": ")).isEmpty();
    }

    /**
     * Every form entry with a check URL (in a form, or a fragment forms include) points at the generic check of its own field, under the URL Jenkins reaches
     * {@code doCheck} methods by ({@code descriptorFullUrl}: the job first, so a host check knows the job), and sends
     * only other declared fields' values with it.
     */
    @Test
    void everyFormsCheckUrlIsTheGenericCheckOfItsOwnField() throws Exception {
        Path resources = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps");
        Pattern entry = Pattern.compile("<f:entry[^>]*field=\"(\\w+)\">\\s*<f:\\w+ ([^>]*)/?>");
        Pattern check = Pattern.compile("checkUrl=\"([^\"]*)\" checkDependsOn=\"([\\w ]*)\"");
        int seen = 0;
        try (Stream<Path> forms = Files.walk(resources)) {
            for (Path form : forms.filter(f -> f.getFileName().toString().endsWith(".jelly")).toList()) {
                Matcher m = entry.matcher(Files.readString(form));
                while (m.find()) {
                    if (!m.group(2).contains("checkUrl")) {
                        continue;
                    }
                    Matcher c = check.matcher(m.group(2));
                    assertThat(c.find()).as(form.getParent().getFileName() + "." + m.group(1) + ": checkUrl and checkDependsOn").isTrue();
                    assertThat(c.group(1)).as(form.getParent().getFileName() + "." + m.group(1))
                            .isEqualTo("${descriptor.descriptorFullUrl}/field/" + m.group(1) + "/check");
                    assertThat(c.group(2)).as(form.getParent().getFileName() + "." + m.group(1) + " depends on another field").doesNotContain(m.group(1));
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThan(50);
    }
}
