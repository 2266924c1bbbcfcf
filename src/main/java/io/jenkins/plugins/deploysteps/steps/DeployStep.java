package io.jenkins.plugins.deploysteps.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.jenkins.DeployStepExecutor;
import io.jenkins.plugins.deploysteps.jenkins.FieldCheck;
import io.jenkins.plugins.deploysteps.jenkins.FormChoices;
import io.jenkins.plugins.deploysteps.jenkins.StepForms;
import io.jenkins.plugins.deploysteps.jenkins.StepParams;
import io.jenkins.plugins.deploysteps.jenkins.Values;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * What every deploy step shares: the parameters the engine's {@code CommonParams} reads ({@code reportName},
 * {@code onFailure}, {@code archive} and {@code verbose}), the {@code timeout} every step has (its default and what it
 * bounds are the step's own declaration), and how it runs: its parameters under the engine's names, handed to the
 * engine's definition of the step on a thread of its own.
 */
public abstract class DeployStep extends Step {
    private final StepDefinition<?> definition;
    private String reportName;
    private String onFailure;
    private boolean archive = true;
    private boolean verbose;
    private String timeout;

    public String getReportName() { return reportName; }
    @DataBoundSetter public void setReportName(String reportName) { this.reportName = Values.trimToNull(reportName); }

    public String getOnFailure() { return onFailure; }
    @DataBoundSetter public void setOnFailure(String onFailure) { this.onFailure = Values.trimToNull(onFailure); }

    public boolean isArchive() { return archive; }
    @DataBoundSetter public void setArchive(boolean archive) { this.archive = archive; }

    public boolean isVerbose() { return verbose; }
    @DataBoundSetter public void setVerbose(boolean verbose) { this.verbose = verbose; }

    public String getTimeout() { return timeout; }
    @DataBoundSetter public void setTimeout(String timeout) { this.timeout = Values.trimToNull(timeout); }

    /** @param definition the engine's definition of this step */
    protected DeployStep(StepDefinition<?> definition) {
        this.definition = definition;
    }

    /**
     * The step's parameters under the engine's names, read from this step's properties named by the engine's
     * declarations; unset ones are left out so the engine's defaults apply.
     */
    public Map<String, Object> toParams() {
        return StepParams.of(this, definition.declarations());
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, definition, toParams());
    }

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "Read only by run(), which never runs on a deserialized execution: SynchronousNonBlockingStepExecution.onResume fails the step")
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        /** Only needed while starting; like every synchronous step, this one does not survive a controller restart. */
        private final transient StepDefinition<?> definition;
        private final transient Map<String, Object> params;

        Execution(StepContext context, StepDefinition<?> definition, Map<String, Object> params) {
            super(context);
            this.definition = definition;
            this.params = params;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return DeployStepExecutor.run(getContext(), definition, params);
        }
    }

    /**
     * What every deploy step's descriptor shares: its name and title, the context it runs in, its fields' checks,
     * list and map fields, status fields that take numbers in a Jenkinsfile, and the choices of its host and onFailure
     * fields.
     */
    public abstract static class DeployDescriptor extends StepDescriptor implements CustomDescribableModel {
        private final StepDefinition<?> definition;
        private final String displayName;
        private final Map<String, Object> minimal;

        /**
         * @param displayName the step as the Snippet Generator lists it
         * @param minimal the smallest valid set of the step's parameters, next to which a form check binds the one
         *     field it checks
         */
        protected DeployDescriptor(StepDefinition<?> definition, String displayName, Map<String, Object> minimal) {
            this.definition = definition;
            this.displayName = displayName;
            this.minimal = Map.copyOf(minimal);
        }

        /** The engine's name of the step. */
        @Override
        public String getFunctionName() { return definition.name(); }

        @Override
        public String getDisplayName() { return displayName; }

        /** The check of a declared field, at {@code <descriptor>/field/<name>/check}; an undeclared name is not found. */
        public FieldCheck getField(String name) {
            return FieldCheck.of(definition, minimal, name, mapSeparator(name)).orElse(null);
        }

        /** Between key and value in the lines of a map field's textarea. */
        protected String mapSeparator(String field) {
            return StepForms.HEADER_SEPARATOR;
        }

        /** List and map fields arrive from the form as one entry per line; they bind as lists and maps. */
        @Override
        public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return StepForms.bind(formData, definition.declarations(), this::mapSeparator, form -> super.newInstance(req, form));
        }

        /** A list field's value as its textarea shows it. */
        public String text(List<String> lines) {
            return StepForms.text(lines);
        }

        /** A map field's value as its textarea shows it. */
        public String text(Map<String, String> map, String field) {
            return StepForms.entriesText(map, mapSeparator(field));
        }

        /** The host, when the step has one: what a person scanning the pipeline graph wants to see; never a secret. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return hostAnd(namedArgs, null);
        }

        /** The host, then the {@code next} argument (a folder, a location) when given: what the pipeline graph shows. */
        protected static String hostAnd(Map<String, Object> namedArgs, String next) {
            Object more = next == null ? null : namedArgs.get(next);
            return namedArgs.get("host") instanceof String host ? (more instanceof String m ? host + " " + m : host) : null;
        }

        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            return StepForms.statusAsText(arguments);
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() { return DeployStepExecutor.REQUIRED_CONTEXT; }

        /** Every step's host field (the steps that have one): the configured hosts, to those who may configure the job. */
        @POST
        public ComboBoxModel doFillHostItems(@AncestorInPath Item item) {
            return FormChoices.hostItems(item);
        }

        public ListBoxModel doFillOnFailureItems() {
            return FormChoices.onFailureItems();
        }
    }
}
