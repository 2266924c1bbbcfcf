package io.jenkins.plugins.deploysteps.steps;

import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.Values;

/**
 * A step that works on one configured host, named by its required {@code host} parameter. Its descriptor's host
 * field offers the configured hosts and is checked against them.
 */
public abstract class HostStep extends DeployStep {
    private final String host;

    protected HostStep(StepDefinition<?> definition, String host) {
        super(definition);
        this.host = Values.trimToNull(host);
    }

    public String getHost() { return host; }
}
