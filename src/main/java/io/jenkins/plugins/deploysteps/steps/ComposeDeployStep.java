package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.DeployStrategy;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code composeDeploy host: 'prod-1', dir: '/app/backend', ...}: preflight, lock, back up, build → down → up (or
 * the checklist's down → build → up, or blue-green behind nginx), verify and roll back on failure. Parameters bind to the engine's {@link ComposeDeploy} under the names the
 * CLI uses.
 */
public final class ComposeDeployStep extends ComposeStep {
    private List<String> envFile = new ArrayList<>();
    private List<String> requiredEnv = new ArrayList<>();
    private String expectRevision;
    private String minFreeDisk;
    private String minFreeMemory;
    private List<String> backup = new ArrayList<>();
    private Integer keepBackups;
    private boolean removeOrphans = true;
    private boolean noCache = true;
    private boolean pull;
    private boolean rollback = true;
    private String strategy;
    private List<BlueGreenRoute> routes = new ArrayList<>();
    private List<HealthCheck> verify = new ArrayList<>();
    private MagicLinkAuthCheckStep verifyMagicLink;
    private String drainTime;
    private String nginxTestCommand;
    private String nginxReloadCommand;
    private String nginxBackupDir;
    private DowntimeProbe downtimeProbe;

    @DataBoundConstructor
    public ComposeDeployStep(String host, String dir) {
        super(new ComposeDeploy(), host, dir);
    }

    public List<String> getEnvFile() { return envFile; }
    @DataBoundSetter public void setEnvFile(List<String> envFile) { this.envFile = Values.copy(envFile); }

    public List<String> getRequiredEnv() { return requiredEnv; }
    @DataBoundSetter public void setRequiredEnv(List<String> requiredEnv) { this.requiredEnv = Values.copy(requiredEnv); }

    public String getExpectRevision() { return expectRevision; }
    @DataBoundSetter public void setExpectRevision(String expectRevision) { this.expectRevision = Values.trimToNull(expectRevision); }

    public String getMinFreeDisk() { return minFreeDisk; }
    @DataBoundSetter public void setMinFreeDisk(String minFreeDisk) { this.minFreeDisk = Values.trimToNull(minFreeDisk); }

    public String getMinFreeMemory() { return minFreeMemory; }
    @DataBoundSetter public void setMinFreeMemory(String minFreeMemory) { this.minFreeMemory = Values.trimToNull(minFreeMemory); }

    public List<String> getBackup() { return backup; }
    @DataBoundSetter public void setBackup(List<String> backup) { this.backup = Values.copy(backup); }

    public Integer getKeepBackups() { return keepBackups; }
    @DataBoundSetter public void setKeepBackups(Integer keepBackups) { this.keepBackups = keepBackups; }

    public boolean isRemoveOrphans() { return removeOrphans; }
    @DataBoundSetter public void setRemoveOrphans(boolean removeOrphans) { this.removeOrphans = removeOrphans; }

    public boolean isNoCache() { return noCache; }
    @DataBoundSetter public void setNoCache(boolean noCache) { this.noCache = noCache; }

    public boolean isPull() { return pull; }
    @DataBoundSetter public void setPull(boolean pull) { this.pull = pull; }

    public boolean isRollback() { return rollback; }
    @DataBoundSetter public void setRollback(boolean rollback) { this.rollback = rollback; }

    public String getStrategy() { return strategy; }
    @DataBoundSetter public void setStrategy(String strategy) { this.strategy = Values.trimToNull(strategy); }

    public List<BlueGreenRoute> getRoutes() { return routes; }
    @DataBoundSetter public void setRoutes(List<BlueGreenRoute> routes) { this.routes = Values.copy(routes); }

    public List<HealthCheck> getVerify() { return verify; }
    @DataBoundSetter public void setVerify(List<HealthCheck> verify) { this.verify = Values.copy(verify); }

    /** magicLinkAuthCheck's login, of which {@link #toParams} reads the parameters verifyMagicLink declares; its report settings are this step's. */
    public MagicLinkAuthCheckStep getVerifyMagicLink() { return verifyMagicLink; }
    @DataBoundSetter public void setVerifyMagicLink(MagicLinkAuthCheckStep verifyMagicLink) { this.verifyMagicLink = verifyMagicLink; }

    public String getDrainTime() { return drainTime; }
    @DataBoundSetter public void setDrainTime(String drainTime) { this.drainTime = Values.trimToNull(drainTime); }

    public String getNginxTestCommand() { return nginxTestCommand; }
    @DataBoundSetter public void setNginxTestCommand(String nginxTestCommand) { this.nginxTestCommand = Values.trimToNull(nginxTestCommand); }

    public String getNginxReloadCommand() { return nginxReloadCommand; }
    @DataBoundSetter public void setNginxReloadCommand(String nginxReloadCommand) { this.nginxReloadCommand = Values.trimToNull(nginxReloadCommand); }

    public String getNginxBackupDir() { return nginxBackupDir; }
    @DataBoundSetter public void setNginxBackupDir(String nginxBackupDir) { this.nginxBackupDir = Values.trimToNull(nginxBackupDir); }

    public DowntimeProbe getDowntimeProbe() { return downtimeProbe; }
    @DataBoundSetter public void setDowntimeProbe(DowntimeProbe downtimeProbe) { this.downtimeProbe = downtimeProbe; }

    /**
     * Jenkinsfile arguments with {@code verifyMagicLink}'s keys held to what it declares: it binds to a whole
     * {@link MagicLinkAuthCheckStep}, whose report settings ({@code reportName}, {@code onFailure}, {@code archive},
     * {@code verbose}) would be bound there and never read, so they are refused by name, as any other key it does not take.
     */
    static Map<String, Object> fromPipeline(Map<String, Object> arguments) {
        StepForms.refuseUndeclared(arguments, new ComposeDeploy().declarations(), "verifyMagicLink");
        return arguments;
    }

    @Extension
    @Symbol(ComposeDeploy.NAME)
    public static final class DescriptorImpl extends ComposeDescriptor {
        public DescriptorImpl() {
            super(new ComposeDeploy(), "Deploy a compose project: preflight, backup, rebuild, verify, roll back on failure");
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return super.customInstantiate(fromPipeline(arguments));
        }

        public ListBoxModel doFillStrategyItems() {
            ListBoxModel items = FormChoices.withDefault(DeployStrategy.BUILD_FIRST.label());
            DeployStrategy.labels().forEach(items::add);
            return items;
        }
    }
}
