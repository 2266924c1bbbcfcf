package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.util.List;

/**
 * A validated composeRollback.
 *
 * @param backup {@code latest} or a backup id from an earlier report
 */
public record ComposeRollbackSpec(
        ComposeTarget target,
        String backup,
        VerifySettings verify,
        ComposeTimeouts timeouts,
        boolean dryRun,
        CommonParams common)
        implements StepSpec {

    @Override
    public List<String> hosts() {
        return List.of(target.host());
    }
}
