package io.jenkins.plugins.deploysteps.templates;

import groovy.lang.GString;
import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.report.ReportFiles;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.jenkins.BuildEffect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our steps as a Pipeline script calls them, run by the engine's own definitions as the CLI and the Jenkins steps run
 * them, with the workspace as the folder syncFiles copies from: bind (a refused parameter fails the step before anything touches a host, its message prefixed with the step's
 * name), connect over SSH, run, write the reports into the workspace, return the same map the Jenkins step returns
 * (report paths relative to the workspace), and apply the same {@link BuildEffect}: FAILURE throws, UNSTABLE marks the build.
 */
public final class EngineSteps {
    private final HostResolver hosts;
    private final Progress progress;
    private final String holder;

    public EngineSteps(HostResolver hosts, Progress progress, String holder) {
        this.hosts = hosts;
        this.progress = progress;
        this.holder = holder;
    }

    public Optional<StepDefinition<?>> step(String name) {
        return Steps.byName(name);
    }

    Map<String, Object> run(StepDefinition<?> step, Object[] args, Path workspace, PipelineRecord record) throws InterruptedException {
        if (args.length != 1 || !(args[0] instanceof Map<?, ?> given)) {
            throw new PipelineAbort(step.name() + " takes named parameters: " + step.name() + "(host: 'web-1', ...)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) plain(given);
        record.stepCalled(step.name(), params);
        return bindAndRun(step, params, workspace, record);
    }

    private <S extends StepSpec> Map<String, Object> bindAndRun(StepDefinition<S> step, Map<String, Object> params, Path workspace,
            PipelineRecord record) throws InterruptedException {
        S spec;
        try {
            spec = StepRunner.bind(step, params, hosts);
        } catch (SpecException e) {
            throw new PipelineAbort(step.name() + ": " + e.getMessage());
        }
        StepResult result;
        try (RunContext ctx = new RunContext(progress.masker(), progress, Targets.overSsh(hosts, progress), Clock.systemUTC(), holder)
                .withBaseDir(workspace)) {
            result = StepRunner.run(step, spec, ctx, workspace.resolve("deploy-reports"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReportFiles files = result.files();
        Map<String, Object> returned = new StepResult(result.report(), new ReportFiles(relative(workspace, files.xml()),
                relative(workspace, files.json()), relative(workspace, files.html()))).toMap();
        BuildEffect effect = BuildEffect.of(result.report());
        switch (effect.kind()) {
            case FAIL -> throw new PipelineAbort(effect.message());
            case UNSTABLE -> record.result("UNSTABLE");
            case NONE -> { }
        }
        return returned;
    }

    private static String relative(Path workspace, String file) {
        return workspace.relativize(Path.of(file)).toString().replace('\\', '/');
    }

    /** GStrings become Strings, as Pipeline's parameter binding makes them, in maps and lists too. */
    static Object plain(Object v) {
        if (v instanceof GString || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(k.toString(), plain(value)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(item -> out.add(plain(item)));
            return out;
        }
        return v;
    }
}
