package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.util.List;

/**
 * What the steps need to know about one service of a compose file.
 *
 * @param builds whether it has a {@code build:} section (so a deploy rebuilds it)
 * @param ports the host ports it publishes
 * @param unresolvedPorts port entries written with variables, which only compose can resolve
 * @param optional whether it belongs to profiles, so a plain {@code up} does not start it
 */
public record ComposeService(String name, boolean builds, List<PublishedPort> ports, List<String> unresolvedPorts, boolean optional)
        implements Serializable {

    public ComposeService {
        ports = List.copyOf(ports);
        unresolvedPorts = List.copyOf(unresolvedPorts);
    }
}
