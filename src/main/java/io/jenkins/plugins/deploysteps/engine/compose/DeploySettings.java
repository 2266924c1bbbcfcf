package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.util.List;

/**
 * How composeDeploy backs up and redeploys.
 *
 * @param backupPaths files to back up (relative to the project directory or absolute); empty: the compose and env files
 * @param keepBackups how many backups stay on the host
 * @param removeOrphans {@code --remove-orphans} on the up that replaces the containers (recreate: on down)
 * @param noCache {@code build --no-cache}
 * @param pull pull images before building
 * @param rollback roll back when anything fails after the deploy began
 */
public record DeploySettings(List<String> backupPaths, int keepBackups, boolean removeOrphans, boolean noCache, boolean pull,
        boolean rollback) implements Serializable {
    public DeploySettings {
        backupPaths = List.copyOf(backupPaths);
    }
}
