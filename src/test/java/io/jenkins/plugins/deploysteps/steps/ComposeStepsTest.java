package io.jenkins.plugins.deploysteps.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploySpec;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollback;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollbackSpec;
import io.jenkins.plugins.deploysteps.engine.gate.FailurePolicy;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The compose Pipeline steps bind to the engine under the CLI's names, every parameter, and every field has help. */
class ComposeStepsTest {

    @Test
    void everyComposeDeployParameterReachesTheEngineSpec() {
        ComposeDeployStep step = new ComposeDeployStep("prod-1", "/app/backend");
        step.setProject("shop");
        step.setFiles(List.of("compose.yaml", "compose.prod.yaml"));
        step.setComposeCommand("docker compose");
        step.setServices(List.of("api"));
        step.setBackupDir("/var/backups/shop");
        step.setEnvFile(List.of(".env", "api.env"));
        step.setRequiredEnv(List.of("DATABASE_URL"));
        step.setExpectRevision("3f2a9c1");
        step.setMinFreeDisk("2GB");
        step.setMinFreeMemory("256MB");
        step.setBackup(List.of("/etc/nginx/sites-enabled/shop"));
        step.setKeepBackups(3);
        step.setRemoveOrphans(false);
        step.setNoCache(false);
        step.setPull(true);
        step.setRollback(false);
        step.setWaitTimeout("3m");
        step.setStableFor("10s");
        step.setLogsTail(100);
        step.setFailOnLogPattern(List.of("(?i)fatal"));
        step.setWarnOnLogPattern(List.of("deprecated"));
        step.setLockTimeout("1m");
        step.setTimeout("20s");
        step.setComposeTimeout("15m");
        step.setDryRun(true);
        step.setReportName("deploy-shop");
        step.setOnFailure("UNSTABLE");
        step.setArchive(false);

        ComposeDeploySpec s = new ComposeDeploy().bind(Params.of(step.toParams()));
        assertThat(s.target().host()).isEqualTo("prod-1");
        assertThat(s.target().dir()).isEqualTo("/app/backend");
        assertThat(s.target().project()).isEqualTo("shop");
        assertThat(s.target().files()).containsExactly("compose.yaml", "compose.prod.yaml");
        assertThat(s.target().composeCommand()).isEqualTo("docker compose");
        assertThat(s.target().backupDir()).isEqualTo("/var/backups/shop");
        assertThat(s.verify().services()).containsExactly("api");
        assertThat(s.preflight().envFiles()).containsExactly(".env", "api.env");
        assertThat(s.preflight().requiredEnv()).containsExactly("DATABASE_URL");
        assertThat(s.preflight().expectRevision()).isEqualTo("3f2a9c1");
        assertThat(s.preflight().minFreeDisk().bytes()).isEqualTo(2L << 30);
        assertThat(s.preflight().minFreeMemory().bytes()).isEqualTo(256L << 20);
        assertThat(s.deploy().backupPaths()).containsExactly("/etc/nginx/sites-enabled/shop");
        assertThat(s.deploy().keepBackups()).isEqualTo(3);
        assertThat(s.deploy().removeOrphans()).isFalse();
        assertThat(s.deploy().noCache()).isFalse();
        assertThat(s.deploy().pull()).isTrue();
        assertThat(s.deploy().rollback()).isFalse();
        assertThat(s.verify().waitTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.verify().stableFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.verify().logsTail()).isEqualTo(100);
        assertThat(s.verify().failOnLogPattern()).extracting(p -> p.pattern()).containsExactly("(?i)fatal");
        assertThat(s.verify().warnOnLogPattern()).extracting(p -> p.pattern()).containsExactly("deprecated");
        assertThat(s.timeouts().lockWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.timeouts().command()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.timeouts().compose()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.dryRun()).isTrue();
        assertThat(s.common().reportName()).isEqualTo("deploy-shop");
        assertThat(s.common().onFailure()).isEqualTo(FailurePolicy.UNSTABLE);
        assertThat(s.common().archive()).isFalse();
    }

    @Test
    void composeRollbackBindsItsBackupAndLeavesDefaultsAlone() {
        ComposeRollbackStep step = new ComposeRollbackStep(" prod-1 ", "/app/backend");
        assertThat(step.toParams()).isEqualTo(Map.of("host", "prod-1", "dir", "/app/backend", "dryRun", false, "archive", true));
        step.setBackup("20260101T120000Z");
        step.setRelease(" previous ");
        ComposeRollbackSpec s = new ComposeRollback().bind(Params.of(step.toParams()));
        assertThat(s.backup()).isEqualTo("20260101T120000Z");
        assertThat(s.release()).isEqualTo("previous");
        assertThat(s.target().project()).isEqualTo("backend");
        assertThat(new ComposeDeployStep("h", "/d").toParams()).isEqualTo(Map.of("host", "h", "dir", "/d", "removeOrphans", true, "noCache", true,
                "pull", false, "rollback", true, "dryRun", false, "archive", true));
    }

    @Test
    void theStepsAndTheCliShareOneParameterVocabulary() {
        assertThat(stepParams(ComposeDeployStep.class)).isEqualTo(engineParams(new ComposeDeploy()));
        assertThat(stepParams(ComposeRollbackStep.class)).isEqualTo(engineParams(new ComposeRollback()));
    }

    @Test
    void everyFieldHasItsHelpWhereJenkinsLooksForIt() {
        for (Class<?> step : List.of(ComposeDeployStep.class, ComposeRollbackStep.class)) {
            assertThat(step.getResource(step.getSimpleName() + "/help.html")).as(step + " help.html").isNotNull();
            assertThat(step.getResource(step.getSimpleName() + "/config.jelly")).as(step + " config.jelly").isNotNull();
            for (String field : stepParams(step)) {
                // Jenkins looks for help-<field>.html in the step's folder, then in its superclasses' folders.
                boolean found = false;
                for (Class<?> c = step; c != null && !found; c = c.getSuperclass()) {
                    found = c.getResource(c.getSimpleName() + "/help-" + field + ".html") != null;
                }
                assertThat(found).as(step.getSimpleName() + " help-" + field + ".html").isTrue();
            }
        }
    }

    private static Set<String> stepParams(Class<?> step) {
        Set<String> names = new TreeSet<>(List.of("host", "dir")); // the @DataBoundConstructor parameters
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(m.getName().substring(3)));
            }
        }
        return names;
    }

    private static Set<String> engineParams(StepDefinition<?> step) {
        return new TreeSet<>(step.declarations().names());
    }
}
