package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.engine.sync.SyncSpec;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The syncFiles Pipeline step binds to the engine under the same names the CLI uses, every parameter, no loss. */
class SyncFilesStepTest {

    @Test
    void everyParameterReachesTheEngineSpec() {
        SyncFilesStep step = new SyncFilesStep("prod-1", "app/", "/srv/app/");
        step.setExcludes(List.of("**/node_modules/**"));
        step.setPreserve(List.of("secrets/**"));
        step.setDelete(false);
        step.setRevision("0123abcd");
        step.setLayout("releases");
        step.setKeepReleases(3);
        step.setDryRun(true);
        step.setTimeout("2m");
        step.setLockTimeout("30s");
        step.setReportName("sync-prod");

        SyncSpec spec = new SyncFiles().bind(Params.of(step.toParams()));
        assertThat(spec.host()).isEqualTo("prod-1");
        assertThat(spec.from()).isEqualTo("app/");
        assertThat(spec.to()).isEqualTo("/srv/app");
        assertThat(spec.excludes()).containsExactly("**/node_modules/**");
        assertThat(spec.preserve()).containsExactly("secrets/**");
        assertThat(spec.delete()).isFalse();
        assertThat(spec.revision()).isEqualTo("0123abcd");
        assertThat(spec.layout()).isEqualTo(SyncSpec.Layout.RELEASES);
        assertThat(spec.keepReleases()).isEqualTo(3);
        assertThat(spec.dryRun()).isTrue();
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.common().reportName()).isEqualTo("sync-prod");
    }

    @Test
    void unsetParametersLeaveTheEngineDefaults() {
        SyncSpec spec = new SyncFiles().bind(Params.of(new SyncFilesStep("prod-1", "app", "/srv/app").toParams()));
        assertThat(spec.preserve()).isEqualTo(SyncFiles.DEFAULT_PRESERVE);
        assertThat(spec.delete()).isTrue();
        assertThat(spec.revision()).isNull();
        assertThat(spec.layout()).isEqualTo(SyncSpec.Layout.PLAIN);
        assertThat(spec.keepReleases()).isEqualTo(5);
        assertThat(spec.common().reportName()).isEqualTo("syncFiles");
    }

    @Test
    void anEmptyPreserveListPreservesNothingAndIsNotTheDefault() {
        SyncFilesStep step = new SyncFilesStep("prod-1", "app", "/srv/app");
        step.setPreserve(List.of());
        assertThat(new SyncFiles().bind(Params.of(step.toParams())).preserve()).isEmpty();
        assertThat(new SyncFiles().bind(Params.of(java.util.Map.of("host", "h", "from", "a", "to", "/srv", "preserve", List.of()))).preserve()).isEmpty();
        assertThat(new SyncFiles().bind(Params.of(java.util.Map.of("host", "h", "from", "a", "to", "/srv"))).preserve()).isEqualTo(SyncFiles.DEFAULT_PRESERVE);
    }

    @Test
    void theStepAndTheCliShareOneParameterVocabularyAndEveryFieldHasHelp() {
        Set<String> stepParams = new TreeSet<>(List.of("host", "from", "to")); // the @DataBoundConstructor parameters
        for (Method m : SyncFilesStep.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                stepParams.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        Set<String> engineParams = new SyncFiles().params().stream().map(ParamDoc::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(stepParams).isEqualTo(engineParams);
        assertThat(SyncFilesStep.class.getResource("SyncFilesStep/help.html")).isNotNull();
        assertThat(SyncFilesStep.class.getResource("SyncFilesStep/config.jelly")).isNotNull();
        for (String field : engineParams) {
            assertThat(SyncFilesStep.class.getResource("SyncFilesStep/help-" + field + ".html")).as("help-" + field + ".html").isNotNull();
        }
    }
}
