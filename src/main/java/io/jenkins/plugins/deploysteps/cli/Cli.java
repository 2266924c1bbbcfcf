package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
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

/**
 * {@code deploy-steps}: runs a plan's steps with the same engine the Jenkins steps use, so a pipeline can be
 * rehearsed on a laptop. Exit codes: 0 success, 2 unstable, 1 failure, 64 bad usage or bad plan.
 */
public final class Cli {
    public static final int USAGE = 64;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;

    public Cli(PrintStream out, PrintStream err, Function<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(String... args) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0]) && args.length == 1) {
            usage(out);
            return args.length == 0 ? USAGE : 0;
        }
        return switch (args[0]) {
            case "help" -> stepHelp(args[1]);
            case "steps" -> listSteps();
            case "run" -> runCommand(args);
            case "--version" -> {
                out.println("deploy-steps " + version());
                yield 0;
            }
            default -> args.length == 2 && List.of("-h", "--help").contains(args[1]) ? stepHelp(args[0]) : badUsage("unknown command '" + args[0] + "'");
        };
    }

    private int runCommand(String[] args) {
        Path plan = null;
        Path reportDir = Path.of("deploy-reports");
        boolean verbose = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> {
                    usage(out);
                    return 0;
                }
                case "--report-dir" -> {
                    if (++i >= args.length) {
                        return badUsage("--report-dir needs a directory");
                    }
                    reportDir = Path.of(args[i]);
                }
                default -> {
                    if (args[i].startsWith("-") || plan != null) {
                        return badUsage("unexpected argument '" + args[i] + "'");
                    }
                    plan = Path.of(args[i]);
                }
            }
        }
        if (plan == null) {
            return badUsage("run needs a plan file");
        }
        try {
            return runPlan(new PlanLoader(env).load(plan), reportDir, verbose);
        } catch (PlanException e) {
            err.println("deploy-steps: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("deploy-steps: interrupted");
            return Outcome.FAILURE.exitCode();
        }
    }

    /** Binds every step before running the first, so a bad plan changes nothing anywhere. */
    private int runPlan(Plan plan, Path reportDir, boolean verbose) throws PlanException, InterruptedException {
        SecretMasker masker = new SecretMasker();
        plan.secrets().forEach(masker::register);
        Progress progress = new Progress(new ConsoleProgress(out, err), masker);
        progress.verbose(verbose);
        List<Bound<?>> bound = new ArrayList<>();
        for (Plan.PlanStep step : plan.steps()) {
            StepDefinition<?> def = Steps.byName(step.name()).orElseThrow(() -> new PlanException(plan.file() + ": " + step.where()
                    + ": unknown step; known steps: " + String.join(", ", Steps.all().stream().map(StepDefinition::name).toList())));
            bound.add(bind(plan, step, def));
        }
        Outcome overall = Outcome.SUCCESS;
        for (Bound<?> step : bound) {
            progress.info("=== " + step.where + " ===");
            Outcome outcome = step.run(plan, masker, progress, reportDir);
            overall = overall.worst(outcome);
            if (outcome == Outcome.FAILURE) {
                int left = bound.size() - bound.indexOf(step) - 1;
                if (left > 0) {
                    progress.warn(step.where + " failed; the remaining " + left + " step(s) were not run");
                }
                break;
            }
        }
        progress.info("plan " + plan.file() + ": " + overall);
        return overall.exitCode();
    }

    private static <S extends StepSpec> Bound<S> bind(Plan plan, Plan.PlanStep step, StepDefinition<S> def) throws PlanException {
        try {
            S spec = StepRunner.bind(def, step.params(), plan.resolver(), plan.credentialResolver());
            return new Bound<>(def, spec, step.where());
        } catch (SpecException e) {
            throw new PlanException(plan.file() + ": " + step.where() + ": " + e.getMessage());
        }
    }

    private record Bound<S extends StepSpec>(StepDefinition<S> def, S spec, String where) {
        Outcome run(Plan plan, SecretMasker masker, Progress progress, Path reportDir) throws InterruptedException {
            try (RunContext ctx = new RunContext(masker, progress, Targets.overSsh(plan.resolver(), progress), Clock.systemUTC(), holder())) {
                Path planDir = Objects.requireNonNull(plan.file().toAbsolutePath().getParent(), "a plan file is in a folder");
                StepResult result = StepRunner.run(def, spec, ctx.withBaseDir(planDir), reportDir);
                return result.report().verdict().outcome();
            } catch (IOException e) {
                progress.warn("cannot write the reports of " + where + ": " + e.getMessage());
                return Outcome.FAILURE;
            }
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

    private int stepHelp(String name) {
        var def = Steps.byName(name);
        if (def.isEmpty()) {
            return badUsage("unknown step '" + name + "'; known steps: " + String.join(", ", Steps.all().stream().map(StepDefinition::name).toList()));
        }
        out.println(def.get().name() + ": " + def.get().summary());
        out.println();
        out.println("Parameters (the same names as the Jenkins step):");
        for (ParamDoc p : def.get().params()) {
            out.printf("  %-16s %-22s default %s%n  %16s %s%n", p.name(), p.type(), p.defaultValue(), "", p.description());
        }
        return 0;
    }

    private int listSteps() {
        for (StepDefinition<?> s : Steps.all()) {
            out.printf("  %-20s %s%n", s.name(), s.summary());
        }
        return 0;
    }

    private int badUsage(String problem) {
        err.println("deploy-steps: " + problem);
        usage(err);
        return USAGE;
    }

    private static void usage(PrintStream s) {
        s.println("""
                usage: deploy-steps run PLAN.yaml [--report-dir DIR]   run the plan's steps in order (reports: DIR, default deploy-reports)
                         -v, --verbose                                 every remote command in full, with its output
                       deploy-steps steps                              list the steps
                       deploy-steps help STEP                          a step's parameters (also: deploy-steps STEP --help)
                       deploy-steps --version

                exit codes: 0 success, 2 unstable, 1 failure, 64 bad usage or bad plan""");
    }

    private static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
