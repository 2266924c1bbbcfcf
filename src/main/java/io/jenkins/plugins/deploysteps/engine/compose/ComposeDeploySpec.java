package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;

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
        implements ComposeSpec {}
