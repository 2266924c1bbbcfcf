package io.jenkins.plugins.deploysteps.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.deploysteps.config.DeployHostsConfiguration;
import io.jenkins.plugins.deploysteps.config.HostSpecs;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.ReportFiles;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * How every deploy step runs in a Pipeline, in one place: bind and validate the parameters and resolve the
 * hosts and credentials on the controller (bad input fails here, before anything touches a host), run the
 * engine on the agent that owns the workspace, store learned host keys, archive the reports, list them on the
 * build, and turn the verdict into the build and stage result.
 */
public final class DeployStepExecutor {
    private DeployStepExecutor() {}

    /** The context a step must run in: a node, because reports are written into and archived from its workspace. */
    public static final java.util.Set<Class<?>> REQUIRED_CONTEXT = java.util.Set.of(
            Run.class, TaskListener.class, FilePath.class, Launcher.class, FlowNode.class);

    public static Map<String, Object> run(StepContext context, StepDefinition<?> step, Map<String, Object> params) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);

        HostSpecs hosts = new HostSpecs(DeployHostsConfiguration.get(), RunCredentials.of(run));
        List<String> sensitive = SensitiveValues.of(context);
        StepSpec spec;
        Map<String, HostSpec> resolved;
        try {
            spec = StepRunner.bind(step, params, hosts, RunCredentials.secrets(run));
            resolved = resolve(spec, hosts);
        } catch (SpecException e) {
            // A refused value is quoted in the message, which the stage view shows outside the masked build log.
            SecretMasker masker = new SecretMasker();
            sensitive.forEach(masker::register);
            throw new AbortException(masker.mask(step.name() + ": " + e.getMessage()));
        }

        AgentResult result = workspace.act(new AgentStepRun(step.name(), spec, resolved, sensitive, "jenkins: " + run.getFullDisplayName(),
                listener, DeploymentVerificationAction.claimReportName(run, step.name(), spec.common().reportName())));

        result.learnedHostKeys().forEach((host, line) -> {
            if (DeployHostsConfiguration.get().rememberHostKey(host, line)) {
                listener.getLogger().println("[" + host + "] stored the host key accepted on first use in Deploy hosts: " + line);
            }
        });
        List<String> files = result.reportFiles();
        boolean archive = spec.common().archive();
        if (archive) {
            archive(run, workspace, launcher, listener, files);
        }
        DeploymentVerificationAction.record(run, result.report(), files.get(2), files.get(1), archive);
        apply(BuildEffect.of(result.report()), run, context.get(FlowNode.class), listener);
        return new StepResult(result.report(), new ReportFiles(files.get(0), files.get(1), files.get(2))).toMap();
    }

    private static Map<String, HostSpec> resolve(StepSpec spec, HostSpecs hosts) {
        Map<String, HostSpec> resolved = new LinkedHashMap<>();
        for (String host : spec.hosts()) {
            resolved.put(host, hosts.resolve("host", host));
        }
        return resolved;
    }

    /** Archives through the run's artifact manager, as archiveArtifacts does, so external artifact stores work too. */
    private static void archive(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, List<String> files)
            throws IOException, InterruptedException {
        run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), underTheirOwnNames(files));
    }

    /** Artifact paths as archiveArtifacts maps them: each file under its path in the workspace. */
    private static Map<String, String> underTheirOwnNames(List<String> files) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (String f : files) {
            artifacts.put(f, f);
        }
        return artifacts;
    }

    /** UNSTABLE marks the step's node (so the stage shows it) and the build, as the unstable step does; FAILURE aborts cleanly. */
    private static void apply(BuildEffect effect, Run<?, ?> run, FlowNode node, TaskListener listener) throws AbortException {
        switch (effect.kind()) {
            case UNSTABLE -> {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(effect.message()));
                run.setResult(Result.UNSTABLE);
                listener.getLogger().println("WARNING: " + effect.message());
            }
            case FAIL -> throw new AbortException(effect.message());
            case NONE -> { }
        }
    }
}
