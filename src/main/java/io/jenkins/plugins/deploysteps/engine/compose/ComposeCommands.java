package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;

/**
 * Command builders for one compose project on a host: the compose commands of its flavour, run from the
 * project's directory with its project name and files spelled out, so every flavour deploys the same files
 * under the same name. {@link EngineCommands} has the container CLI's side.
 */
public final class ComposeCommands {
    private final ComposeFlavor flavor;
    private final String dir;
    private final String project;
    private final List<String> files;

    public ComposeCommands(ComposeFlavor flavor, String dir, String project, List<String> files) {
        this.flavor = flavor;
        this.dir = dir;
        this.project = project;
        this.files = List.copyOf(files);
    }

    public List<String> files() {
        return files;
    }

    public ComposeFlavor flavor() {
        return flavor;
    }

    /** {@code cd DIR && <compose> -p PROJECT -f FILE... ARGS} */
    Cmd compose(List<String> args) {
        List<String> argv = new ArrayList<>(flavor.prefix());
        argv.add("-p");
        argv.add(project);
        for (String f : files) {
            argv.add("-f");
            argv.add(f);
        }
        argv.addAll(args);
        return Cmd.of("cd", dir).and(Cmd.argv(argv));
    }

    private static List<String> with(List<String> head, List<String> services) {
        List<String> out = new ArrayList<>(head);
        out.addAll(services);
        return out;
    }

    /** Stops and removes the project's containers; with services, only theirs (the rest of the stack keeps running). */
    public Cmd down(List<String> services, boolean removeOrphans) {
        if (!services.isEmpty()) {
            // Compose's own down takes no services (before v2.21); rm --stop does the same for just these.
            return flavor == ComposeFlavor.PODMAN_COMPOSE ? compose(with(List.of("down"), services))
                    : compose(with(List.of("rm", "--stop", "--force"), services));
        }
        // podman-compose 1.0 knows no orphans: it removes the containers its files name.
        return compose(removeOrphans && flavor != ComposeFlavor.PODMAN_COMPOSE ? List.of("down", "--remove-orphans") : List.of("down"));
    }

    public Cmd pull(List<String> services) {
        return compose(with(List.of("pull"), services));
    }

    public Cmd build(List<String> services, boolean noCache) {
        return compose(with(noCache ? List.of("build", "--no-cache") : List.of("build"), services));
    }

    /** Starts detached from the images as they are: building is {@link #build}'s job, so up never builds behind our back. */
    public Cmd up(List<String> services) {
        return compose(with(List.of("up", "-d", "--no-build"), services));
    }

    /**
     * Replaces running containers with new ones from the images as they are, one service at a time: compose stops a
     * service's old container only when it starts its new one, and the project's network stays, so a service is down
     * for its own stop and start rather than for the whole project's {@code down} and {@code up}. With services, only
     * theirs are replaced and what they depend on keeps running; without, every service is, and with removeOrphans
     * containers of services no longer in the files go too (podman-compose knows no orphans).
     */
    public Cmd recreate(List<String> services, boolean removeOrphans) {
        if (!services.isEmpty()) {
            return compose(with(List.of("up", "-d", "--no-build", "--no-deps", "--force-recreate"), services));
        }
        return compose(removeOrphans && flavor != ComposeFlavor.PODMAN_COMPOSE ? List.of("up", "-d", "--no-build", "--force-recreate", "--remove-orphans")
                : List.of("up", "-d", "--no-build", "--force-recreate"));
    }

    /** Prints the project as compose resolved it (env values included: read it quietly). */
    public Cmd config() {
        if (!flavor.canValidateConfig()) {
            throw new IllegalStateException(flavor + " cannot print the resolved project");
        }
        return compose(List.of("config"));
    }

    public Cmd logs(String service, int tail) {
        return switch (flavor) {
            case DOCKER_COMPOSE_V1 -> compose(List.of("logs", "--no-color", "--tail=" + tail, service));
            case DOCKER_COMPOSE -> compose(List.of("logs", "--no-color", "--tail", Integer.toString(tail), service));
            case PODMAN_COMPOSE -> compose(List.of("logs", "--tail", Integer.toString(tail), service));
        };
    }

    /** Validates the files (syntax, interpolation) without printing the merged result, which would hold env values. */
    public Cmd validate() {
        if (!flavor.canValidateConfig()) {
            throw new IllegalStateException(flavor + " cannot validate compose files");
        }
        return compose(List.of("config", "--quiet"));
    }

    /** The compose files compose would pick, in its order of preference; each may come with an override file. */
    static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    /** The override file that goes with a default file: {@code compose.override.yaml} for {@code compose.yaml}. */
    static List<String> overrides(String file) {
        String base = file.substring(0, file.lastIndexOf('.'));
        return List.of(base + ".override.yaml", base + ".override.yml");
    }

    /** Prints {@code nodir}, or {@code found|missing <file>} for each file, relative to {@code dir} or absolute. */
    static Cmd findFiles(String dir, List<String> files) {
        List<String> args = new ArrayList<>(List.of(dir));
        args.addAll(files);
        return Cmd.script("""
                cd -- "$1" 2>/dev/null || { echo nodir; exit 0; }
                shift
                for f; do if [ -f "$f" ]; then echo "found $f"; else echo "missing $f"; fi; done""", args.toArray(String[]::new)).named("find the compose files in " + dir);
    }

    public static Cmd version(ComposeFlavor flavor) {
        return Cmd.argv(with(flavor.prefix(), List.of("version")));
    }

    /**
     * Finds the compose command to use, in the order Docker's own documentation prefers them: {@code docker
     * compose}, then {@code docker-compose}, then {@code podman-compose}. Prints {@code found <label>} and the
     * version, or {@code none} with what each attempt said. With sudo it asks as the compose commands will run: sudo's
     * PATH, not the SSH user's, decides which one is found.
     */
    public static Cmd detect() {
        return Cmd.sudoScript("""
                if out=$($SUDO docker compose version 2>&1); then printf 'found docker compose\\n%s\\n' "$out"; exit 0; fi
                tried="docker compose: $out"
                if out=$($SUDO docker-compose version 2>&1); then printf 'found docker-compose\\n%s\\n' "$out"; exit 0; fi
                tried="$tried\\ndocker-compose: $out"
                if out=$($SUDO podman-compose version 2>&1); then printf 'found podman-compose\\n%s\\n' "$out"; exit 0; fi
                printf 'none\\n%b\\npodman-compose: %s\\n' "$tried" "$out\"""").named("detect the compose command");
    }
}
