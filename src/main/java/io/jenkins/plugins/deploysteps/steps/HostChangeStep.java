package io.jenkins.plugins.deploysteps.steps;

import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that changes its host: it holds the host's lock for what it changes, waiting for it at most
 * {@code lockTimeout}, and with {@code dryRun} it checks and prints what it would do without changing anything.
 */
public abstract class HostChangeStep extends HostStep {
    private String lockTimeout;
    private boolean dryRun;

    protected HostChangeStep(StepDefinition<?> definition, String host) {
        super(definition, host);
    }

    public String getLockTimeout() { return lockTimeout; }
    @DataBoundSetter public void setLockTimeout(String lockTimeout) { this.lockTimeout = Values.trimToNull(lockTimeout); }

    public boolean isDryRun() { return dryRun; }
    @DataBoundSetter public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
}
