package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;

/**
 * A validated composeRollback.
 *
 * @param backup {@code latest} or a backup id from an earlier report
 * @param release with a releases layout: {@code previous} or a release id to point {@code current} at first; null: none
 */
public record ComposeRollbackSpec(
        ComposeTarget target,
        String backup,
        String release,
        VerifySettings verify,
        ComposeTimeouts timeouts,
        boolean dryRun,
        CommonParams common)
        implements ComposeSpec {

    /** The folder holding {@code releases/} and {@code current}: dir's parent when dir is {@code current}, else dir. */
    public String releasesRoot() {
        String dir = target.dir();
        return dir.endsWith("/current") ? dir.substring(0, dir.length() - "/current".length()) : dir;
    }
}
