package io.jenkins.plugins.deploysteps.jenkins;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.run.ReportNames;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs one step's engine on the agent that owns the workspace. Carries only plain values: the validated spec,
 * the resolved hosts (credentials included, as the SSH connections start here), the values of the Pipeline's secret
 * variables (to be masked like credentials), who runs it, and the build's TaskListener, which remoting sends as a
 * proxy of the build log (as Pipeline's own steps pass it). No Run or descriptor crosses the channel.
 */
public final class AgentStepRun extends MasterToSlaveFileCallable<AgentResult> {
    private static final long serialVersionUID = 1L;

    /** Where reports go, relative to the workspace. */
    public static final String REPORT_DIR = "deploy-reports";

    private final String step;
    private final StepSpec spec;
    private final Map<String, HostSpec> hosts;
    private final List<String> sensitiveValues;
    private final String holder;
    private final TaskListener listener;
    private final String reportName;

    /** {@code reportName}: the name claimed for this step's report in the build, distinct from every other step's. */
    public AgentStepRun(String step, StepSpec spec, Map<String, HostSpec> hosts, List<String> sensitiveValues, String holder, TaskListener listener,
            String reportName) {
        this.reportName = reportName;
        this.step = step;
        this.spec = spec;
        this.hosts = Map.copyOf(hosts);
        this.sensitiveValues = List.copyOf(sensitiveValues);
        this.holder = holder;
        this.listener = listener;
    }

    @Override
    public AgentResult invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        SecretMasker masker = new SecretMasker();
        for (HostSpec h : hosts.values()) {
            h.secrets().forEach(masker::register);
        }
        Progress progress = new Progress(new LogSink(listener), masker);
        long unmaskable = sensitiveValues.stream().filter(v -> !masker.register(v)).count();
        if (unmaskable > 0) {
            progress.warn(step + ": " + unmaskable + " secret variable value(s) of the Pipeline are too short to be masked in logs and reports");
        }
        Targets targets = Targets.overSsh((field, name) -> {
            HostSpec h = hosts.get(name);
            if (h == null) {
                throw new SpecException(field, "host '" + name + "' was not resolved before the step started");
            }
            return h;
        }, progress);
        try (RunContext context = new RunContext(masker, progress, targets, Clock.systemUTC(), holder, ReportNames.decided(reportName))) {
            StepResult result = run(definition(), context.withBaseDir(workspace.toPath()), workspace.toPath().resolve(REPORT_DIR));
            Path base = workspace.toPath();
            return new AgentResult(result.report(), List.of(relative(base, result.files().xml()), relative(base, result.files().json()),
                    relative(base, result.files().html())), targets.learnedHostKeys());
        }
    }

    @SuppressWarnings("unchecked")
    private <S extends StepSpec> StepResult run(StepDefinition<S> definition, RunContext context, Path reports)
            throws IOException, InterruptedException {
        return StepRunner.run(definition, (S) spec, context, reports);
    }

    private StepDefinition<StepSpec> definition() {
        @SuppressWarnings("unchecked")
        StepDefinition<StepSpec> def = (StepDefinition<StepSpec>) Steps.byName(step)
                .orElseThrow(() -> new IllegalStateException("no step named " + step));
        return def;
    }

    private static String relative(Path base, String file) {
        return base.relativize(Path.of(file)).toString().replace(File.separatorChar, '/');
    }
}
