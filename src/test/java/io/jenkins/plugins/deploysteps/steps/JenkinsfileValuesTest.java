package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.junit.jupiter.api.Test;

/**
 * What a Jenkinsfile or the Snippet Generator hands the steps' classes, read from the compiled classes and the forms:
 * a status given as a number reaches a String property as text, and a drop-down left alone sends nothing.
 */
class JenkinsfileValuesTest {
    private static final Pattern STATUS_SETTER = Pattern.compile("setExpect[A-Za-z]*Status");
    private static final Pattern SELECT = Pattern.compile("<f:select\\b[^>]*>");

    /**
     * structs casts {@code expectStatus: 429} to a String property with a ClassCastException, so the class's descriptor
     * must turn numbers into text first (its own customInstantiate; the interface's default passes them on unchanged).
     */
    @Test
    void everyClassWithAStatusFieldHasADescriptorThatTurnsNumbersIntoText() throws Exception {
        List<String> statusFields = new ArrayList<>();
        for (Class<?> c : FormMethodsTest.classesUnder("steps")) {
            if (Modifier.isAbstract(c.getModifiers()) || c.getEnclosingClass() != null) {
                continue;
            }
            for (Method setter : c.getMethods()) {
                if (!STATUS_SETTER.matcher(setter.getName()).matches() || !Arrays.equals(setter.getParameterTypes(), new Class<?>[] {String.class})) {
                    continue;
                }
                statusFields.add(c.getSimpleName() + "." + setter.getName());
                Class<?> descriptor = Arrays.stream(c.getDeclaredClasses()).filter(d -> d.getSimpleName().equals("DescriptorImpl")).findFirst()
                        .orElseThrow(() -> new AssertionError(c.getSimpleName() + " has no DescriptorImpl"));
                assertThat(CustomDescribableModel.class).as(c.getSimpleName() + "'s descriptor is a CustomDescribableModel").isAssignableFrom(descriptor);
                assertThat(descriptor.getMethod("customInstantiate", Map.class).getDeclaringClass())
                        .as(c.getSimpleName() + "'s descriptor converts the Jenkinsfile's values").isNotEqualTo(CustomDescribableModel.class);
            }
        }
        // The scan sees the fields it is about (a scan that finds nothing would pass for nothing).
        assertThat(statusFields).contains("MagicLinkAuthCheckStep.setExpectSendStatus", "MagicLinkAuthCheckStep.setExpectVerifyStatus",
                "MagicLinkAuthCheckStep.setExpectInvalidStatus", "MagicLinkAuthCheckStep.setExpectNoSessionStatus", "RateLimitCheck.setExpectStatus",
                "AuthenticatedCheck.setExpectStatus", "HealthCheck.setExpectStatus", "NginxRouteStep.setExpectStatus", "BlueGreenRoute.setExpectStatus",
                "DowntimeProbe.setExpectStatus");
    }

    /**
     * A select's {@code default} attribute preselects that value for a new step, so the Snippet Generator writes it
     * ({@code method: 'GET'}) though nobody chose it. The drop-downs offer the engine's default as an empty first choice
     * instead, and a form that preselects nothing sends that.
     */
    @Test
    void noStepFormPreselectsADropDownValue() throws IOException {
        Path forms = LocalTarget.repo().resolve("src/main/resources/io/jenkins/plugins/deploysteps/steps");
        List<String> selects = new ArrayList<>();
        List<String> preselected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(forms)) {
            for (Path jelly : files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList()) {
                Matcher select = SELECT.matcher(Files.readString(jelly));
                while (select.find()) {
                    String where = forms.relativize(jelly) + ": " + select.group();
                    selects.add(where);
                    if (select.group().contains("default=")) {
                        preselected.add(where);
                    }
                }
            }
        }
        assertThat(selects).as("the selects of the step forms").hasSizeGreaterThanOrEqualTo(10);
        assertThat(preselected).as("selects that preselect a value").isEmpty();
    }
}
