package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.util.List;

/** What both compose steps' specs say: the project on its host, how it is verified, the timeouts, whether it is a dry run. */
public interface ComposeSpec extends StepSpec {
    ComposeTarget target();

    VerifySettings verify();

    ComposeTimeouts timeouts();

    boolean dryRun();

    @Override
    default List<String> hosts() {
        return List.of(target().host());
    }
}
