package io.jenkins.plugins.deploysteps.engine.compose;

import java.util.List;

/**
 * A compose project as found on the host: the command that drives it, its files and what they define, and
 * the services this run deploys and verifies (those asked for, else every service a plain {@code up} starts).
 *
 * @param resolved {@code compose config}'s output as preflight read it, for a blue-green deploy to render its copy from
 *     without asking compose again; null when it was not kept. It holds the env files' values: never printed.
 */
record ComposeProject(ComposeFlavor flavor, List<String> files, ComposeModel model, List<String> services, ComposeCommands commands,
        String resolved) {

    ComposeProject {
        files = List.copyOf(files);
        services = List.copyOf(services);
    }

    ComposeProject(ComposeFlavor flavor, List<String> files, ComposeModel model, List<String> services, ComposeCommands commands) {
        this(flavor, files, model, services, commands, null);
    }

    @Override
    public String toString() {
        return "ComposeProject[" + flavor + ", " + files + ", services " + services + "]"; // never the resolved values
    }

    /** The services among {@link #services} that have a build section. */
    List<String> builtServices() {
        return services.stream().filter(s -> model.services().get(s).builds()).toList();
    }
}
