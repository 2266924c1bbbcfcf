package io.jenkins.plugins.deploysteps.steps;

import hudson.util.ComboBoxModel;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeFlavor;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What {@code composeDeploy} and {@code composeRollback} share: the project (host, dir, files, compose command),
 * how services are verified, the timeouts and the report settings. Their help pages live beside this class and
 * serve both steps.
 */
public abstract class ComposeStep extends HostChangeStep {
    private final String dir;
    private String project;
    private List<String> files = new ArrayList<>();
    private String composeCommand;
    private List<String> services = new ArrayList<>();
    private String backupDir;
    private String waitTimeout;
    private String stableFor;
    private Integer logsTail;
    private List<String> failOnLogPattern = new ArrayList<>();
    private List<String> warnOnLogPattern = new ArrayList<>();
    private String composeTimeout;

    protected ComposeStep(StepDefinition<?> definition, String host, String dir) {
        super(definition, host);
        this.dir = Values.trimToNull(dir);
    }

    public String getDir() { return dir; }

    public String getProject() { return project; }
    @DataBoundSetter public void setProject(String project) { this.project = Values.trimToNull(project); }

    public List<String> getFiles() { return files; }
    @DataBoundSetter public void setFiles(List<String> files) { this.files = Values.copy(files); }

    public String getComposeCommand() { return composeCommand; }
    @DataBoundSetter public void setComposeCommand(String composeCommand) { this.composeCommand = Values.trimToNull(composeCommand); }

    public List<String> getServices() { return services; }
    @DataBoundSetter public void setServices(List<String> services) { this.services = Values.copy(services); }

    public String getBackupDir() { return backupDir; }
    @DataBoundSetter public void setBackupDir(String backupDir) { this.backupDir = Values.trimToNull(backupDir); }

    public String getWaitTimeout() { return waitTimeout; }
    @DataBoundSetter public void setWaitTimeout(String waitTimeout) { this.waitTimeout = Values.trimToNull(waitTimeout); }

    public String getStableFor() { return stableFor; }
    @DataBoundSetter public void setStableFor(String stableFor) { this.stableFor = Values.trimToNull(stableFor); }

    public Integer getLogsTail() { return logsTail; }
    @DataBoundSetter public void setLogsTail(Integer logsTail) { this.logsTail = logsTail; }

    public List<String> getFailOnLogPattern() { return failOnLogPattern; }
    @DataBoundSetter public void setFailOnLogPattern(List<String> failOnLogPattern) { this.failOnLogPattern = Values.copy(failOnLogPattern); }

    public List<String> getWarnOnLogPattern() { return warnOnLogPattern; }
    @DataBoundSetter public void setWarnOnLogPattern(List<String> warnOnLogPattern) { this.warnOnLogPattern = Values.copy(warnOnLogPattern); }

    public String getComposeTimeout() { return composeTimeout; }
    @DataBoundSetter public void setComposeTimeout(String composeTimeout) { this.composeTimeout = Values.trimToNull(composeTimeout); }

    /**
     * The form side both compose steps share: field checks run the engine's own binding next to a minimal valid
     * set of parameters, so the form says exactly what a build would.
     */
    public abstract static class ComposeDescriptor extends DeployDescriptor {
        static final Map<String, Object> MINIMAL = Map.of("host", "h", "dir", "/srv/app");

        protected ComposeDescriptor(StepDefinition<?> definition, String displayName) {
            super(definition, displayName, MINIMAL);
        }

        /** Host and directory are what a person scanning the pipeline graph wants to see; nothing else, never a secret. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return hostAnd(namedArgs, "dir");
        }

        public ComboBoxModel doFillComposeCommandItems() {
            ComboBoxModel items = new ComboBoxModel();
            items.addAll(ComposeFlavor.choices());
            return items;
        }
    }
}
