package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import java.io.Serializable;
import java.util.Optional;

/**
 * How composeDeploy replaces the running version and what it measures while it does.
 *
 * @param blueGreen null unless the strategy is blue-green
 * @param downtime null: no downtime probe
 */
public record StrategySettings(DeployStrategy strategy, BlueGreenSettings blueGreen, DowntimeSettings downtime) implements Serializable {
    public static final StrategySettings DEFAULT = new StrategySettings(DeployStrategy.BUILD_FIRST, null, null);

    /** Blue-green's magic-link check of the new copy, if it has one. */
    Optional<MagicLinkSpec> magicLink() {
        return Optional.ofNullable(blueGreen).map(BlueGreenSettings::magicLink);
    }
}
