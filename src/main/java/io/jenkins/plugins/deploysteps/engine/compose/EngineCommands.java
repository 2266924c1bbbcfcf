package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;

/**
 * Command builders for the container CLI that sees a compose project's containers ({@code docker} or
 * {@code podman}, after the compose flavour): their state, and the image tags that let a rollback bring the
 * images back. With sudo, the container CLI is the program that asks for root.
 */
public final class EngineCommands {
    /** The label every flavour puts on a project's containers. */
    static final String PROJECT_LABEL = "com.docker.compose.project";
    static final String SERVICE_LABEL = "com.docker.compose.service";

    /**
     * One line per container, fields separated by {@code |}: id, name, service, state, restarting, restart
     * count, health, created, started, exit code, image id, image reference, the host ports it is configured to
     * publish (JSON; set from creation on, unlike the ports of a running container).
     */
    static final String STATE_FORMAT = "{{.Id}}|{{.Name}}|{{index .Config.Labels \"" + SERVICE_LABEL + "\"}}|{{.State.Status}}"
            + "|{{.State.Restarting}}|{{.RestartCount}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.Created}}"
            + "|{{.State.StartedAt}}|{{.State.ExitCode}}|{{.Image}}|{{.Config.Image}}|{{json .HostConfig.PortBindings}}";

    private final String engine;
    private final String project;

    public EngineCommands(ComposeFlavor flavor, String project) {
        this.engine = flavor.engine();
        this.project = project;
    }

    public String engine() {
        return engine;
    }

    /**
     * The host's clock ({@code now <epoch nanoseconds>}), then the state of every container of the project in
     * {@link #STATE_FORMAT}, stopped ones included.
     */
    public Cmd containerStates() {
        return Cmd.sudoScript("""
                printf 'now %s\\n' "$(date +%s%N)"
                ids=$($SUDO "$1" ps -aq --filter "label=$2=$3") || exit 3
                [ -n "$ids" ] || exit 0
                exec $SUDO "$1" inspect --format "$4" $ids""", engine, PROJECT_LABEL, project, STATE_FORMAT).named("list the containers of " + project);
    }

    /**
     * Stops and removes every container of the project ({@code rm -f}), for a rollback whose {@code compose down} failed
     * (a restart policy re-creating a crashing container races the down): the previous version's {@code up} then starts
     * from a clean slate.
     */
    public Cmd removeContainers() {
        return onContainers("exec $SUDO \"$1\" rm -f $ids");
    }

    /**
     * Stops every container of the project the way compose down does (TERM, then KILL after the engine's stop timeout)
     * and removes them, through the engine's own CLI: a blue-green copy's removal without compose's start-up, which
     * costs about a second per command. The copy owns no networks or volumes (they are the project's), so nothing else goes.
     */
    public Cmd stopAndRemoveContainers() {
        return onContainers("$SUDO \"$1\" stop $ids >/dev/null && exec $SUDO \"$1\" rm $ids").named("stop and remove the containers of " + project);
    }

    /** Runs {@code action} (a shell line; {@code $1} is the engine, {@code $SUDO} marks it) on the ids of the project's containers, when it has any. */
    private Cmd.Script onContainers(String action) {
        return Cmd.sudoScript("""
                ids=$($SUDO "$1" ps -aq --filter "label=$2=$3") || exit 3
                [ -n "$ids" ] || exit 0
                """ + action, engine, PROJECT_LABEL, project);
    }

    /** Points each reference at an image id: {@code pairs} is image id, reference, image id, reference, ... */
    public Cmd tag(List<String> pairs) {
        if (pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("tag needs image id, reference pairs");
        }
        List<String> args = new ArrayList<>(List.of(engine));
        args.addAll(pairs);
        return Cmd.sudoScript("""
                e=$1 failed=0
                shift
                while [ $# -ge 2 ]; do $SUDO "$e" tag "$1" "$2" && printf 'tagged %s as %s\\n' "$1" "$2" || failed=1; shift 2; done
                exit $failed""", args.toArray(String[]::new)).named("tag the running images for a rollback");
    }

    /**
     * Removes references (the backup tags of pruned backups). An image that has no other tag and no container
     * goes with its last reference, which is the point; one still in use stays, and that is not an error.
     */
    public Cmd untag(List<String> refs) {
        List<String> args = new ArrayList<>(List.of(engine));
        args.addAll(refs);
        return Cmd.sudoScript("""
                e=$1
                shift
                for r; do if $SUDO "$e" rmi "$r" >/dev/null 2>&1; then echo "removed $r"; else echo "kept $r (in use)"; fi; done""",
                args.toArray(String[]::new)).named("remove old rollback tags");
    }
}
