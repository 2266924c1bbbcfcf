package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
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
public final class HostCheckStep extends HostStep {
    private List<String> paths = new ArrayList<>();
    private String minFreeDisk;
    private String minFreeMemory;
    private Double maxLoad;
    private List<String> requireCommands = new ArrayList<>();

    @DataBoundConstructor
    public HostCheckStep(String host) {
        super(new HostCheck(), host);
    }

    public List<String> getPaths() { return paths; }
    @DataBoundSetter public void setPaths(List<String> paths) { this.paths = Values.copy(paths); }

    public String getMinFreeDisk() { return minFreeDisk; }
    @DataBoundSetter public void setMinFreeDisk(String minFreeDisk) { this.minFreeDisk = Values.trimToNull(minFreeDisk); }

    public String getMinFreeMemory() { return minFreeMemory; }
    @DataBoundSetter public void setMinFreeMemory(String minFreeMemory) { this.minFreeMemory = Values.trimToNull(minFreeMemory); }

    public Double getMaxLoad() { return maxLoad; }
    @DataBoundSetter public void setMaxLoad(Double maxLoad) { this.maxLoad = maxLoad; }

    public List<String> getRequireCommands() { return requireCommands; }
    @DataBoundSetter public void setRequireCommands(List<String> requireCommands) { this.requireCommands = Values.copy(requireCommands); }

    @Extension
    @Symbol(HostCheck.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        public DescriptorImpl() {
            super(new HostCheck(), "Check a deploy host: connection, disk, memory, load, commands", Map.of("host", "h"));
        }
    }
}
