package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The compose implementations the steps drive, each with the container CLI that sees its containers: Compose
 * v2 (the {@code docker compose} plugin), the Python {@code docker-compose} 1.x, and {@code podman-compose},
 * which talks to podman directly.
 */
public enum ComposeFlavor {
    DOCKER_COMPOSE("docker compose", List.of("docker", "compose"), "docker"),
    DOCKER_COMPOSE_V1("docker-compose", List.of("docker-compose"), "docker"),
    PODMAN_COMPOSE("podman-compose", List.of("podman-compose"), "podman");

    /** The value users write for {@code composeCommand}; {@code auto} detects. */
    public static final String AUTO = "auto";

    private final String label;
    private final List<String> prefix;
    private final String engine;

    ComposeFlavor(String label, List<String> prefix, String engine) {
        this.label = label;
        this.prefix = prefix;
        this.engine = engine;
    }

    /** How users name it: {@code docker compose}, {@code docker-compose}, {@code podman-compose}. */
    public String label() {
        return label;
    }

    /** The words that start each compose command line. */
    public List<String> prefix() {
        return prefix;
    }

    /** The container CLI for inspecting, tagging and logging containers of this flavour. */
    public String engine() {
        return engine;
    }

    /**
     * podman-compose 1.0 exits 0 even when a podman command it ran failed, and prints {@code exit code: N}
     * after each; for it, those lines are the exit status of a build or pull.
     */
    public boolean reportsFailuresInOutput() {
        return this == PODMAN_COMPOSE;
    }

    /** podman-compose 1.0 has no {@code config} command to validate files with. */
    public boolean canValidateConfig() {
        return this != PODMAN_COMPOSE;
    }

    public static Optional<ComposeFlavor> byLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    /** The values {@code composeCommand} accepts, for messages and help. */
    public static List<String> choices() {
        List<String> out = new java.util.ArrayList<>();
        out.add(AUTO);
        Arrays.stream(values()).forEach(f -> out.add(f.label));
        return out;
    }

    /** The rule for a {@code composeCommand} value, the step's own and a host's default alike. */
    public static void requireChoice(String path, String command) {
        if (!choices().contains(command)) {
            throw new SpecException(path, "'" + command + "' is not one of '" + String.join("', '", choices()) + "'");
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
