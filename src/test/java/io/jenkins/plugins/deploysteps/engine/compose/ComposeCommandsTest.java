package io.jenkins.plugins.deploysteps.engine.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact command lines of every compose flavour and option: what the host runs is what these strings say. */
class ComposeCommandsTest {
    private static final ComposeCommands V1 = new ComposeCommands(ComposeFlavor.DOCKER_COMPOSE_V1, "/app/backend", "backend",
            List.of("docker-compose.yml"));
    private static final ComposeCommands V2 = new ComposeCommands(ComposeFlavor.DOCKER_COMPOSE, "/app/backend", "backend",
            List.of("compose.yaml", "compose.override.yaml"));
    private static final ComposeCommands PODMAN = new ComposeCommands(ComposeFlavor.PODMAN_COMPOSE, "/app/backend", "backend",
            List.of("docker-compose.yml"));

    @Test
    void downRemovesOrphansWhereTheFlavourCanAndOnlyTheServicesAskedFor() {
        assertThat(V1.down(List.of(), true).render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml down --remove-orphans");
        assertThat(V1.down(List.of(), false).render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml down");
        assertThat(V2.down(List.of(), true).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml down --remove-orphans");
        assertThat(PODMAN.down(List.of(), true).render()).isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml down");
        assertThat(V1.down(List.of("api", "worker"), true).render())
                .isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml rm --stop --force api worker");
        assertThat(V2.down(List.of("api"), true).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml rm --stop --force api");
        assertThat(PODMAN.down(List.of("api"), true).render()).isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml down api");
    }

    @Test
    void recreateReplacesEveryServiceOrOnlyThoseAskedForLeavingTheirDependenciesRunning() {
        assertThat(V1.recreate(List.of(), true).render())
                .isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml up -d --no-build --force-recreate --remove-orphans");
        assertThat(V2.recreate(List.of(), false).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml up -d --no-build --force-recreate");
        assertThat(PODMAN.recreate(List.of(), true).render())
                .isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml up -d --no-build --force-recreate");
        assertThat(V1.recreate(List.of("api", "worker"), true).render())
                .isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml up -d --no-build --no-deps --force-recreate api worker");
    }

    @Test
    void pullBuildAndUp() {
        assertThat(V1.pull(List.of()).render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml pull");
        assertThat(PODMAN.pull(List.of("api")).render()).isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml pull api");
        assertThat(V1.build(List.of("api", "web"), true).render())
                .isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml build --no-cache api web");
        assertThat(V2.build(List.of("api"), false).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml build api");
        assertThat(PODMAN.build(List.of("api"), true).render())
                .isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml build --no-cache api");
        assertThat(V1.up(List.of()).render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml up -d --no-build");
        assertThat(V2.up(List.of("api")).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml up -d --no-build api");
        assertThat(PODMAN.up(List.of()).render()).isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml up -d --no-build");
    }

    @Test
    void logsInEachFlavoursOwnSpelling() {
        assertThat(V1.logs("api", 50).render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml logs --no-color --tail=50 api");
        assertThat(V2.logs("api", 50).render())
                .isEqualTo("cd /app/backend && docker compose -p backend -f compose.yaml -f compose.override.yaml logs --no-color --tail 50 api");
        assertThat(PODMAN.logs("api", 5).render()).isEqualTo("cd /app/backend && podman-compose -p backend -f docker-compose.yml logs --tail 5 api");
    }

    @Test
    void validationAndVersions() {
        assertThat(V1.validate().render()).isEqualTo("cd /app/backend && docker-compose -p backend -f docker-compose.yml config --quiet");
        assertThat(V2.validate().render()).endsWith("docker compose -p backend -f compose.yaml -f compose.override.yaml config --quiet");
        assertThatThrownBy(PODMAN::validate).isInstanceOf(IllegalStateException.class);
        assertThat(ComposeCommands.version(ComposeFlavor.DOCKER_COMPOSE).render()).isEqualTo("docker compose version");
        assertThat(ComposeCommands.version(ComposeFlavor.DOCKER_COMPOSE_V1).render()).isEqualTo("docker-compose version");
        assertThat(ComposeCommands.version(ComposeFlavor.PODMAN_COMPOSE).render()).isEqualTo("podman-compose version");
    }

    @Test
    void userValuesAreQuotedAndSudoWrapsTheWholeLine() {
        ComposeCommands odd = new ComposeCommands(ComposeFlavor.DOCKER_COMPOSE_V1, "/srv/it's my app", "my_app", List.of("prod stack.yml"));
        assertThat(odd.up(List.of()).render())
                .isEqualTo("cd '/srv/it'\\''s my app' && docker-compose -p my_app -f 'prod stack.yml' up -d --no-build");
        assertThat(RemoteCommand.of(V1.down(List.of(), true), Duration.ofSeconds(5)).sudo(true).line())
                .isEqualTo("cd /app/backend && sudo -n -- docker-compose -p backend -f docker-compose.yml down --remove-orphans");
    }

    @Test
    void theContainerCliFollowsTheFlavour() {
        EngineCommands docker = new EngineCommands(ComposeFlavor.DOCKER_COMPOSE_V1, "backend");
        EngineCommands podman = new EngineCommands(ComposeFlavor.PODMAN_COMPOSE, "backend");
        assertThat(docker.containerStates().render()).startsWith("sh -c ").endsWith(" sh docker com.docker.compose.project backend '"
                + EngineCommands.STATE_FORMAT.replace("'", "'\\''") + "'");
        assertThat(podman.containerStates().render()).contains(" sh podman com.docker.compose.project backend ");
        assertThat(docker.tag(List.of("0123abcd", "docker.io/library/backend_web:latest")).render())
                .endsWith(" sh docker 0123abcd docker.io/library/backend_web:latest");
        assertThat(podman.untag(List.of("localhost/backend_web:deploy-steps-20260101T120000Z")).render())
                .endsWith(" sh podman localhost/backend_web:deploy-steps-20260101T120000Z");
        assertThatThrownBy(() -> docker.tag(List.of("only-an-id"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultFilesAndTheirOverrides() {
        assertThat(ComposeCommands.DEFAULT_FILES).containsExactly("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
        assertThat(ComposeCommands.overrides("docker-compose.yml")).containsExactly("docker-compose.override.yaml", "docker-compose.override.yml");
        assertThat(ProjectChecks.pick(List.of("docker-compose.yml", "compose.yaml", "compose.override.yml")))
                .containsExactly("compose.yaml", "compose.override.yml");
        assertThat(ProjectChecks.pick(List.of("docker-compose.yml", "docker-compose.override.yml")))
                .containsExactly("docker-compose.yml", "docker-compose.override.yml");
        assertThat(ProjectChecks.pick(List.of("podman-compose.yml"))).isEmpty();
    }
}
