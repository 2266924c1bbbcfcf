package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.magiclink.MagicLinkSpec;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A validated composeDeploy: which project, what to check first, how to deploy, verify and roll back. */
public record ComposeDeploySpec(
        ComposeTarget target,
        PreflightSettings preflight,
        DeploySettings deploy,
        StrategySettings strategy,
        VerifySettings verify,
        ComposeTimeouts timeouts,
        boolean dryRun,
        CommonParams common)
        implements ComposeSpec {
    /** The project's host, and those blue-green's magic-link check reads its mail or the user record on. */
    @Override
    public List<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>(ComposeSpec.super.hosts());
        strategy.magicLink().ifPresent(m -> hosts.addAll(m.hosts()));
        return List.copyOf(hosts);
    }

    /** The mailbox's password and the expired token of blue-green's magic-link check. */
    @Override
    public List<String> secrets() {
        return strategy.magicLink().map(MagicLinkSpec::secrets).orElse(List.of());
    }
}
