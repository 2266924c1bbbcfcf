package io.jenkins.plugins.deploysteps.engine.compose;

import java.util.List;

/**
 * A compose project as found on the host: the command that drives it, its files and what they define, and
 * the services this run deploys and verifies (those asked for, else every service a plain {@code up} starts).
 */
record ComposeProject(ComposeFlavor flavor, List<String> files, ComposeModel model, List<String> services, ComposeCommands commands) {

    ComposeProject {
        files = List.copyOf(files);
        services = List.copyOf(services);
    }

    /** The services among {@link #services} that have a build section. */
    List<String> builtServices() {
        return services.stream().filter(s -> model.services().get(s).builds()).toList();
    }
}
