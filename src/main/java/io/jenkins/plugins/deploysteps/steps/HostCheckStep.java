package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code hostCheck host: 'prod-1', minFreeDisk: '2GB', ...}: is the host reachable, trusted, and does it have
 * room for a deploy. Parameters bind to the engine's {@link HostCheck} under the same names the CLI uses.
 */
public final class HostCheckStep extends DeployStep {
    private final String host;
    private List<String> paths = new ArrayList<>();
    private String minFreeDisk;
    private String minFreeMemory;
    private Double maxLoad;
    private List<String> requireCommands = new ArrayList<>();
    private String timeout;

    @DataBoundConstructor
    public HostCheckStep(String host) {
        this.host = Values.trimToNull(host);
    }

    public String getHost() { return host; }

    public List<String> getPaths() { return paths; }
    @DataBoundSetter public void setPaths(List<String> paths) { this.paths = paths == null ? new ArrayList<>() : new ArrayList<>(paths); }

    public String getMinFreeDisk() { return minFreeDisk; }
    @DataBoundSetter public void setMinFreeDisk(String minFreeDisk) { this.minFreeDisk = Values.trimToNull(minFreeDisk); }

    public String getMinFreeMemory() { return minFreeMemory; }
    @DataBoundSetter public void setMinFreeMemory(String minFreeMemory) { this.minFreeMemory = Values.trimToNull(minFreeMemory); }

    public Double getMaxLoad() { return maxLoad; }
    @DataBoundSetter public void setMaxLoad(Double maxLoad) { this.maxLoad = maxLoad; }

    public List<String> getRequireCommands() { return requireCommands; }
    @DataBoundSetter public void setRequireCommands(List<String> requireCommands) { this.requireCommands = requireCommands == null ? new ArrayList<>() : new ArrayList<>(requireCommands); }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    @Override
    protected StepDefinition<?> definition() {
        return new HostCheck();
    }

    @Extension
    @Symbol(HostCheck.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        public DescriptorImpl() {
            super(new HostCheck(), Map.of("host", "h"));
        }

        @Override
        public String getFunctionName() { return HostCheck.NAME; }

        @Override
        public String getDisplayName() { return "Check a deploy host: connection, disk, memory, load, commands"; }

        /** The host is what a person scanning the pipeline graph wants to see; nothing else, and never a secret. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return hostAnd(namedArgs, null);
        }
    }
}
