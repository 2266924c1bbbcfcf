package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.report.ConsoleSummary;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportFiles;
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
        S spec = step.bind(Params.of(params));
        for (String host : spec.hosts()) {
            hosts.resolve("host", host);
        }
        return spec;
    }

    public static <S extends StepSpec> StepResult run(StepDefinition<S> step, S spec, RunContext context, Path reportDir)
            throws IOException, InterruptedException {
        Report report;
        try {
            report = step.run(spec, context);
        } finally {
            context.targets().close();
        }
        ReportFiles files = ReportFiles.write(report, reportDir);
        for (String line : new ConsoleSummary().render(report)) {
            context.progress().info(line);
        }
        context.progress().info("reports: " + files.html() + " (also .xml, .json)");
        return new StepResult(report, files);
    }
}
