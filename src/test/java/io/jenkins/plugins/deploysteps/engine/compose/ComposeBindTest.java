package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad input is refused while binding, naming the parameter, before anything touches a host. */
class ComposeBindTest {
    static ComposeDeploySpec deploy(Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("host", "prod-1", "dir", "/app/backend"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return new ComposeDeploy().bind(Params.of(p));
    }

    static void refused(String field, String problem, Object... kv) {
        assertThatThrownBy(() -> deploy(kv)).isInstanceOf(SpecException.class).hasMessage(field + ": " + problem);
    }

    @Test
    void defaults() {
        ComposeDeploySpec s = deploy();
        assertThat(s.target().project()).isEqualTo("backend");
        assertThat(s.target().files()).isEmpty();
        assertThat(s.target().composeCommand()).isNull();
        assertThat(s.target().backupDir()).isEqualTo("~/.deploy-steps/backups/backend");
        assertThat(s.preflight().envFiles()).containsExactly(".env");
        assertThat(s.deploy()).isEqualTo(new DeploySettings(List.of(), 5, true, true, false, true));
        assertThat(s.verify().waitTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.verify().stableFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.verify().logsTail()).isEqualTo(50);
        assertThat(s.timeouts()).isEqualTo(new ComposeTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5)));
        assertThat(s.dryRun()).isFalse();
        assertThat(s.common().reportName()).isEqualTo("composeDeploy");
        assertThat(s.hosts()).containsExactly("prod-1");
        assertThat(s.timeouts().lease(s.verify())).isEqualTo(Duration.ofMinutes(54));
    }

    @Test
    void theIssuesExampleBinds() {
        ComposeDeploySpec s = deploy("services", List.of("api"), "requiredEnv", List.of("DATABASE_URL", "JWT_SECRET"),
                "expectRevision", "3f2a9c1d", "minFreeDisk", "2GB", "waitTimeout", "2m", "logsTail", 50, "stableFor", "0s");
        assertThat(s.verify().services()).containsExactly("api");
        assertThat(s.preflight().requiredEnv()).containsExactly("DATABASE_URL", "JWT_SECRET");
        assertThat(s.preflight().minFreeDisk().bytes()).isEqualTo(2L << 30);
        assertThat(s.verify().stableFor()).isZero();
    }

    @Test
    void projectNamesAreDerivedAsComposeDerivesThem() {
        assertThat(deploy("dir", "/srv/My App.v2/").target().project()).isEqualTo("myappv2");
        assertThat(deploy("dir", "/srv/_internal").target().project()).isEqualTo("internal");
        assertThat(deploy("dir", "/srv/x", "project", "shop-prod").target().project()).isEqualTo("shop-prod");
        assertThat(deploy("dir", "/srv/x/").target().dir()).isEqualTo("/srv/x");
        refused("project", "cannot be derived from dir '/srv/...': set it", "dir", "/srv/...");
    }

    @Test
    void badInputNamesTheParameter() {
        refused("dir", "'app' must be an absolute path", "dir", "app");
        refused("dir", "'/app\\nx' contains a tab, line break or NUL", "dir", "/app\nx");
        refused("project", "'Shop' is not a compose project name: lower-case letters, digits, '-' and '_'", "project", "Shop");
        refused("composeCommand", "'docker-compose-v2' is not one of 'auto', 'docker compose', 'docker-compose', 'podman-compose'",
                "composeCommand", "docker-compose-v2");
        refused("files[1]", "'../other/compose.yml' must stay inside dir or be absolute", "files", List.of("compose.yml", "../other/compose.yml"));
        refused("requiredEnv[1]", "'JWT-SECRET' is not an environment variable name", "requiredEnv", List.of("DB", "JWT-SECRET"));
        refused("expectRevision", "'abc def' is not a commit id or tag", "expectRevision", "abc def");
        refused("services[0]", "'api web' is not a service name", "services", List.of("api web"));
        refused("failOnLogPattern[0]", "'(?i)database.*(refused' is not a regular expression: Unclosed group", "failOnLogPattern",
                List.of("(?i)database.*(refused"));
        refused("keepBackups", "0 is out of range (1 to 100)", "keepBackups", 0);
        refused("logsTail", "-1 is out of range (0 to 10000)", "logsTail", -1);
        refused("waitTimeout", "'2' needs a unit (use ms, s, m or h, e.g. '90s', '2m', '1m30s')", "waitTimeout", "2");
        refused("minFreeDisk", "'lots' is not a size (use B, KB, MB, GB or TB, e.g. '512MB', '2GB')", "minFreeDisk", "lots");
        refused("backupDir", "'backups' must be an absolute path (or start with ~/ for the SSH user's home)", "backupDir", "backups");
        refused("noCache", "'maybe' is not true or false", "noCache", "maybe");
        refused("rollbak", "unknown parameter (did you mean 'rollback'?); known: host, dir, project, files, composeCommand, backupDir, envFile, "
                + "requiredEnv, expectRevision, minFreeDisk, minFreeMemory, backup, keepBackups, removeOrphans, noCache, pull, rollback, services, "
                + "stableFor, waitTimeout, logsTail, failOnLogPattern, warnOnLogPattern, strategy, routes, verify, verifyMagicLink, drainTime, "
                + "nginxTestCommand, nginxReloadCommand, nginxBackupDir, downtimeProbe, timeout, composeTimeout, lockTimeout, dryRun, reportName, "
                + "onFailure, archive, verbose", "rollbak", false);
    }

    @Test
    void composeRollbackTakesLatestOrABackupId() {
        ComposeRollback step = new ComposeRollback();
        Map<String, Object> base = Map.of("host", "prod-1", "dir", "/app/backend");
        assertThat(step.bind(Params.of(base)).backup()).isEqualTo("latest");
        Map<String, Object> withId = new LinkedHashMap<>(base);
        withId.put("backup", "20260101T120000Z-02");
        assertThat(step.bind(Params.of(withId)).backup()).isEqualTo("20260101T120000Z-02");
        withId.put("backup", "yesterday");
        assertThatThrownBy(() -> step.bind(Params.of(withId))).isInstanceOf(SpecException.class)
                .hasMessage("backup: 'yesterday' is neither 'latest' nor a backup id like 20260101T120000Z");
        Map<String, Object> typo = new LinkedHashMap<>(base);
        typo.put("requiredEnv", List.of("X"));
        assertThatThrownBy(() -> step.bind(Params.of(typo))).hasMessageStartingWith("requiredEnv: unknown parameter");
    }

    @Test
    void composeRollbackReleaseIsPreviousOrAReleaseIdAndFindsTheReleasesFolder() {
        ComposeRollback step = new ComposeRollback();
        Map<String, Object> p = new LinkedHashMap<>(Map.of("host", "prod-1", "dir", "/srv/app/current", "release", "previous"));
        assertThat(step.bind(Params.of(p)).release()).isEqualTo("previous");
        assertThat(step.bind(Params.of(p)).releasesRoot()).isEqualTo("/srv/app");
        p.put("dir", "/srv/app");
        p.put("release", "20260101-120000-3f2a9c1d");
        assertThat(step.bind(Params.of(p)).releasesRoot()).isEqualTo("/srv/app");
        assertThat(step.bind(Params.of(p)).release()).isEqualTo("20260101-120000-3f2a9c1d");
        p.put("release", "../etc");
        assertThatThrownBy(() -> step.bind(Params.of(p))).isInstanceOf(SpecException.class)
                .hasMessage("release: '../etc' is neither 'previous' nor a release id like 20260101-120000-1a2b3c4d");
        p.remove("release");
        assertThat(step.bind(Params.of(p)).release()).isNull();
    }

    @Test
    void everyDocumentedParameterIsReadAndNoOther() {
        for (var step : List.of(new ComposeDeploy(), new ComposeRollback())) {
            Map<String, Object> all = new LinkedHashMap<>();
            step.declarations().names().forEach(name -> all.put(name, null));
            all.put("host", "h");
            all.put("dir", "/d");
            step.bind(Params.of(all));
        }
        assertThat(new ComposeDeploy().params()).extracting(d -> d.name()).doesNotHaveDuplicates();
        assertThat(new ComposeRollback().params()).extracting(d -> d.name()).doesNotHaveDuplicates();
    }
}
