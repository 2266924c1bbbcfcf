package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import java.io.Serializable;
import java.util.List;

/**
 * What composeDeploy checks before it changes anything. Null thresholds and an empty key list are not checked.
 *
 * @param envFiles env files, relative to the project directory or absolute
 * @param requiredEnv keys that must be set (non-empty) in one of the env files
 * @param expectRevision the revision the directory must hold (its REVISION file, else git HEAD); null: not checked
 */
public record PreflightSettings(List<String> envFiles, List<String> requiredEnv, String expectRevision, ByteSize minFreeDisk,
        ByteSize minFreeMemory) implements Serializable {
    public PreflightSettings {
        envFiles = List.copyOf(envFiles);
        requiredEnv = List.copyOf(requiredEnv);
    }
}
