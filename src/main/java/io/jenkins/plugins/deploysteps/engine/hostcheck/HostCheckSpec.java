package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.SingleHostSpec;
import java.time.Duration;
import java.util.List;

/**
 * A validated hostCheck: which host, which thresholds. A null threshold means "not checked".
 *
 * @param timeout for each remote command
 */
public record HostCheckSpec(
        String host,
        List<String> paths,
        ByteSize minFreeDisk,
        ByteSize minFreeMemory,
        Double maxLoad,
        List<String> requireCommands,
        Duration timeout,
        CommonParams common)
        implements SingleHostSpec {

    public HostCheckSpec {
        paths = List.copyOf(paths);
        requireCommands = List.copyOf(requireCommands);
    }
}
