package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeRollback;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code composeRollback host: 'prod-1', dir: '/app/backend', backup: 'latest'}: restores a composeDeploy backup's
 * files and images, brings them up and verifies them. Parameters bind to the engine's {@link ComposeRollback}.
 */
public final class ComposeRollbackStep extends ComposeStep {
    private String backup;
    private String release;

    @DataBoundConstructor
    public ComposeRollbackStep(String host, String dir) {
        super(new ComposeRollback(), host, dir);
    }

    public String getBackup() { return backup; }
    @DataBoundSetter public void setBackup(String backup) { this.backup = Values.trimToNull(backup); }

    public String getRelease() { return release; }
    @DataBoundSetter public void setRelease(String release) { this.release = Values.trimToNull(release); }

    @Extension
    @Symbol(ComposeRollback.NAME)
    public static final class DescriptorImpl extends ComposeDescriptor {
        public DescriptorImpl() {
            super(new ComposeRollback(), "Roll a compose project back to a composeDeploy backup");
        }
    }
}
