package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheckSpec;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The Pipeline step binds to the engine under the same names the CLI uses, every parameter, no loss. */
class HostCheckStepTest {

    @Test
    void everyParameterReachesTheEngineSpec() {
        HostCheckStep step = new HostCheckStep("prod-1");
        step.setPaths(List.of("/", "/var/lib/docker"));
        step.setMinFreeDisk("2GB");
        step.setMinFreeMemory("256MB");
        step.setMaxLoad(4.0);
        step.setRequireCommands(List.of("docker", "nginx"));
        step.setTimeout("10s");
        step.setReportName("pre-deploy");
        step.setOnFailure("UNSTABLE");
        step.setArchive(false);

        HostCheckSpec spec = new HostCheck().bind(Params.of(step.toParams()));
        assertThat(spec.host()).isEqualTo("prod-1");
        assertThat(spec.paths()).containsExactly("/", "/var/lib/docker");
        assertThat(spec.minFreeDisk().bytes()).isEqualTo(2L << 30);
        assertThat(spec.minFreeMemory().bytes()).isEqualTo(256L << 20);
        assertThat(spec.maxLoad()).isEqualTo(4.0);
        assertThat(spec.requireCommands()).containsExactly("docker", "nginx");
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(spec.common().reportName()).isEqualTo("pre-deploy");
        assertThat(spec.common().onFailure()).isEqualTo(FailurePolicy.UNSTABLE);
        assertThat(spec.common().archive()).isFalse();
    }

    @Test
    void unsetParametersLeaveTheEngineDefaults() {
        HostCheckStep step = new HostCheckStep(" prod-1 ");
        step.setMinFreeDisk("  ");
        assertThat(step.toParams()).isEqualTo(Map.of("host", "prod-1", "archive", true));
        HostCheckSpec spec = new HostCheck().bind(Params.of(step.toParams()));
        assertThat(spec.paths()).containsExactly("/");
        assertThat(spec.minFreeDisk()).isNull();
    }

    @Test
    void theStepAndTheCliShareOneParameterVocabulary() {
        Set<String> stepParams = new TreeSet<>();
        stepParams.add("host"); // the @DataBoundConstructor parameter
        for (Method m : HostCheckStep.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                stepParams.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        Set<String> engineParams = new HostCheck().params().stream().map(ParamDoc::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(stepParams).isEqualTo(engineParams);
        assertThat(Arrays.stream(HostCheckStep.class.getConstructors()).filter(c -> c.getParameterCount() == 1)).hasSize(1);
    }

    @Test
    void thePipelineGraphShowsTheHostAndOneMoreArgument() {
        assertThat(DeployStep.DeployDescriptor.hostAnd(Map.of("host", "prod-1", "timeout", "10s"), null)).isEqualTo("prod-1");
        assertThat(DeployStep.DeployDescriptor.hostAnd(Map.of("host", "prod-1", "dir", "/srv/app"), "dir")).isEqualTo("prod-1 /srv/app");
        assertThat(DeployStep.DeployDescriptor.hostAnd(Map.of("host", "prod-1"), "location")).isEqualTo("prod-1");
        assertThat(DeployStep.DeployDescriptor.hostAnd(Map.of("dir", "/srv/app"), "dir")).isNull();
    }
}
