package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.util.List;

/**
 * Which compose project on which host.
 *
 * @param dir the project directory on the host (absolute)
 * @param project the compose project name every command is given
 * @param files compose files as given (relative to {@code dir} or absolute); empty: the ones compose would pick
 * @param composeCommand {@code auto} or a {@link ComposeFlavor#label()}; null: the host's default, else auto
 * @param backupDir where this project's backups live on the host: absolute, or {@code ~/...}
 */
public record ComposeTarget(String host, String dir, String project, List<String> files, String composeCommand, String backupDir)
        implements Serializable {
    public ComposeTarget {
        files = List.copyOf(files);
    }

    /** A path as the host sees it: absolute paths as they are, others inside {@code dir}. */
    public String resolve(String path) {
        return path.startsWith("/") ? path : dir + "/" + path;
    }

    public String lockPath() {
        return dir + "/.deploy-steps.lock";
    }
}
