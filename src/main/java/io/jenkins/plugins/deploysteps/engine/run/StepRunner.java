package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ConsoleSummary;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.ReportFiles;
import io.jenkins.plugins.deploysteps.engine.secret.CredentialResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Binds, checks and runs one step, then writes its reports and prints its summary: the same for Jenkins and the CLI. */
public final class StepRunner {
    private StepRunner() {}

    /**
     * Validates parameters and host names, all before any connection is made, so bad input fails fast and
     * nothing on a host changes.
     */
    public static <S extends StepSpec> S bind(StepDefinition<S> step, Map<String, ?> params, HostResolver hosts) {
        return bind(step, params, hosts, CredentialResolver.NONE);
    }

    /** As {@link #bind(StepDefinition, Map, HostResolver)}, with credential IDs resolved to plain values in the spec. */
    public static <S extends StepSpec> S bind(StepDefinition<S> step, Map<String, ?> params, HostResolver hosts, CredentialResolver credentials) {
        S spec = Params.of(params, credentials).bind(step::bind);
        for (String host : spec.hosts()) {
            hosts.resolve("host", host);
        }
        return spec;
    }

    public static <S extends StepSpec> StepResult run(StepDefinition<S> step, S spec, RunContext context, Path reportDir)
            throws IOException, InterruptedException {
        for (String secret : spec.secrets()) {
            if (!context.masker().register(secret)) {
                context.progress().warn(step.name() + ": a credential value is too short to be masked in logs and reports");
            }
        }
        context.progress().stepVerbose(spec.common().verbose());
        Report report;
        try {
            report = step.run(spec, context);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug must not cost the report: what the step recorded is kept, with the error as a check of its own
            ReportBuilder begun = context.begunReport().orElseGet(() -> context.newReport(step.name(), spec.common().reportName(),
                    String.join(", ", spec.hosts())));
            Check failed = begun.add(Check.named(step.name()).error("unexpected error: " + Unexpected.describe(e)));
            context.progress().checkFinished(failed);
            report = begun.finish(spec.common().onFailure());
        } finally {
            context.targets().close();
            context.progress().stepVerbose(false);
        }
        ReportFiles files = ReportFiles.write(report, reportDir);
        for (String line : new ConsoleSummary().render(report)) {
            context.progress().info(line);
        }
        context.progress().info("reports: " + files.html() + " (also .xml, .json)");
        return new StepResult(report, files);
    }
}
