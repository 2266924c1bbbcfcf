package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.report.ReportIndex;
import io.jenkins.plugins.deploysteps.engine.run.ReportNames;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Loads a plan, binds every step (all problems at once, before anything connects), and runs the steps in order. */
final class PlanRun {
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final ConsoleProgress.Verbosity verbosity;

    PlanRun(PrintStream out, PrintStream err, Function<String, String> env, ConsoleProgress.Verbosity verbosity) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.verbosity = verbosity;
    }

    int validate(Path file) {
        try {
            List<Bound<?>> steps = load(file).steps();
            if (verbosity != ConsoleProgress.Verbosity.QUIET) {
                out.println(file + ": valid (" + steps.size() + " step(s); nothing was connected to)");
            }
            return 0;
        } catch (PlanException e) {
            e.problems().forEach(p -> err.println("deploy-steps: " + p));
            return Cli.USAGE;
        }
    }

    int run(Path file, Path reportDir) {
        try {
            Loaded loaded = load(file);
            return runPlan(loaded.plan(), loaded.steps(), reportDir);
        } catch (PlanException e) {
            e.problems().forEach(p -> err.println("deploy-steps: " + p));
            return Cli.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("deploy-steps: interrupted");
            return Outcome.FAILURE.exitCode();
        }
    }

    private record Loaded(Plan plan, List<Bound<?>> steps) {}

    /** Reads the plan and binds every step, collecting every problem, so a bad plan changes nothing anywhere and is fixed in one go. */
    private Loaded load(Path file) throws PlanException {
        List<String> problems = new ArrayList<>();
        Plan plan = new PlanLoader(env).load(file, problems);
        List<Bound<?>> steps = bindAll(plan, problems);
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        return new Loaded(plan, steps);
    }

    private static List<Bound<?>> bindAll(Plan plan, List<String> problems) {
        List<Bound<?>> bound = new ArrayList<>();
        List<String> names = Steps.all().stream().map(StepDefinition::name).toList();
        for (Plan.PlanStep step : plan.steps()) {
            var def = Steps.byName(step.name());
            if (def.isEmpty()) {
                problems.add(plan.marks().at(plan.file(), step.path(null)) + ": " + step.where() + ": unknown step" + Suggestions.hint(step.name(), names)
                        + "; known steps: " + String.join(", ", names));
                continue;
            }
            try {
                bound.add(bind(plan, step, def.get()));
            } catch (SpecException e) {
                problems.add(plan.marks().at(plan.file(), step.path(e.field())) + ": " + step.where() + ": " + e.getMessage());
            }
        }
        return bound;
    }

    private static <S extends StepSpec> Bound<S> bind(Plan plan, Plan.PlanStep step, StepDefinition<S> def) {
        return new Bound<>(def, StepRunner.bind(def, step.params(), plan.resolver(), plan.credentialResolver()), step.where());
    }

    private int runPlan(Plan plan, List<Bound<?>> bound, Path reportDir) throws InterruptedException {
        SecretMasker masker = new SecretMasker();
        plan.secrets().forEach(masker::register);
        Progress progress = new Progress(new ConsoleProgress(out, err, verbosity), masker);
        progress.verbose(verbosity == ConsoleProgress.Verbosity.VERBOSE);
        ReportNames names = new ReportNames();
        ReportIndex index = new ReportIndex("deploy-steps: " + plan.file().getFileName());
        Outcome overall = Outcome.SUCCESS;
        for (Bound<?> step : bound) {
            progress.info("=== " + step.where + " ===");
            Outcome outcome;
            try (RunContext ctx = new RunContext(masker, progress, Targets.overSsh(plan.resolver(), progress), Clock.systemUTC(), holder(), names)) {
                StepResult result = step.run(ctx.withBaseDir(Objects.requireNonNull(plan.file().toAbsolutePath().getParent(), "a plan file is in a folder")), reportDir);
                index.add(result.report());
                progress.info("all reports of this run: " + index.write(reportDir));
                outcome = result.report().verdict().outcome();
            } catch (IOException e) {
                progress.warn("cannot write the reports of " + step.where + ": " + e.getMessage());
                outcome = Outcome.FAILURE;
            }
            overall = overall.worst(outcome);
            if (outcome == Outcome.FAILURE) {
                int left = bound.size() - bound.indexOf(step) - 1;
                if (left > 0) {
                    progress.warn(step.where + " failed; the remaining " + left + " step(s) were not run");
                }
                break;
            }
        }
        (verbosity == ConsoleProgress.Verbosity.QUIET ? err : out).println("plan " + plan.file() + ": " + overall);
        return overall.exitCode();
    }

    private record Bound<S extends StepSpec>(StepDefinition<S> def, S spec, String where) {
        StepResult run(RunContext ctx, Path reportDir) throws IOException, InterruptedException {
            return StepRunner.run(def, spec, ctx, reportDir);
        }
    }

    static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return "deploy-steps CLI: " + System.getProperty("user.name") + "@" + host + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
