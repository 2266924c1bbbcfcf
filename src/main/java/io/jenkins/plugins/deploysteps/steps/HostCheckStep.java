package io.jenkins.plugins.deploysteps.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import io.jenkins.plugins.deploysteps.engine.hostcheck.HostCheck;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.kohsuke.stapler.StaplerRequest2;

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

    public String getHost() {
        return host;
    }

    public List<String> getPaths() {
        return paths;
    }

    @DataBoundSetter
    public void setPaths(List<String> paths) {
        this.paths = paths == null ? new ArrayList<>() : new ArrayList<>(paths);
    }

    public String getMinFreeDisk() {
        return minFreeDisk;
    }

    @DataBoundSetter
    public void setMinFreeDisk(String minFreeDisk) {
        this.minFreeDisk = Values.trimToNull(minFreeDisk);
    }

    public String getMinFreeMemory() {
        return minFreeMemory;
    }

    @DataBoundSetter
    public void setMinFreeMemory(String minFreeMemory) {
        this.minFreeMemory = Values.trimToNull(minFreeMemory);
    }

    public Double getMaxLoad() {
        return maxLoad;
    }

    @DataBoundSetter
    public void setMaxLoad(Double maxLoad) {
        this.maxLoad = maxLoad;
    }

    public List<String> getRequireCommands() {
        return requireCommands;
    }

    @DataBoundSetter
    public void setRequireCommands(List<String> requireCommands) {
        this.requireCommands = requireCommands == null ? new ArrayList<>() : new ArrayList<>(requireCommands);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Values.trimToNull(timeout);
    }

    @Override
    public Map<String, Object> toParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("host", host);
        if (!paths.isEmpty()) {
            p.put("paths", paths);
        }
        p.put("minFreeDisk", minFreeDisk);
        p.put("minFreeMemory", minFreeMemory);
        p.put("maxLoad", maxLoad);
        if (!requireCommands.isEmpty()) {
            p.put("requireCommands", requireCommands);
        }
        p.put("timeout", timeout);
        putCommonParams(p);
        p.values().removeIf(v -> v == null);
        return p;
    }

    @Override
    protected StepDefinition<?> definition() {
        return new HostCheck();
    }

    @Extension
    @Symbol(HostCheck.NAME)
    public static final class DescriptorImpl extends DeployDescriptor {
        private static final Map<String, Object> MINIMAL = Map.of("host", "h");

        @Override
        public String getFunctionName() {
            return HostCheck.NAME;
        }

        @Override
        public String getDisplayName() {
            return "Check a deploy host: connection, disk, memory, load, commands";
        }

        /** The host is what a person scanning the pipeline graph wants to see; nothing else, and never a secret. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object h = namedArgs.get("host");
            return h instanceof String s ? s : null;
        }

        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, StepForms.listFields(formData, "paths", "requireCommands"));
        }

        public String text(List<String> lines) {
            return StepForms.text(lines);
        }

        @POST
        public ComboBoxModel doFillHostItems(@AncestorInPath Item item) {
            return StepForms.hostItems(item);
        }

        public FormValidation doCheckPaths(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "paths", StepForms.lines(value));
        }

        public FormValidation doCheckMinFreeDisk(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "minFreeDisk", value);
        }

        public FormValidation doCheckMinFreeMemory(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "minFreeMemory", value);
        }

        public FormValidation doCheckMaxLoad(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "maxLoad", value);
        }

        public FormValidation doCheckRequireCommands(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "requireCommands", StepForms.lines(value));
        }

        public FormValidation doCheckTimeout(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "timeout", value);
        }

        public FormValidation doCheckReportName(@QueryParameter String value) {
            return StepForms.check(new HostCheck(), MINIMAL, "reportName", value);
        }
    }
}
