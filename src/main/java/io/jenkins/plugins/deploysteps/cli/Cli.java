package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.Steps;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deploy-steps}: runs a plan's steps with the same engine the Jenkins steps use, so a pipeline can be
 * rehearsed on a laptop. Exit codes: 0 success, 2 unstable, 1 failure, 64 bad usage or bad plan.
 */
@Command(name = "deploy-steps", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Runs Deploy Steps' deployment checks and changes from a plan file, as the Jenkins steps do.",
        footer = "%nExit codes: 0 success, 2 unstable, 1 failure, 64 bad usage or a bad plan.")
public final class Cli implements Callable<Integer> {
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
        if (args.length == 2 && Steps.byName(args[0]).isPresent() && List.of("-h", "--help").contains(args[1])) {
            return stepHelp(args[0]);
        }
        CommandLine cmd = new CommandLine(this);
        cmd.addSubcommand(new RunCommand()).addSubcommand(new ValidateCommand()).addSubcommand(new StepsCommand())
                .addSubcommand(new HelpCommand());
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8)).setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setParameterExceptionHandler((e, rest) -> {
            PrintWriter w = e.getCommandLine().getErr();
            if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine() == cmd && !u.getUnmatched().isEmpty()) {
                w.println("deploy-steps: unknown command '" + u.getUnmatched().get(0) + "'"
                        + Suggestions.hint(u.getUnmatched().get(0), cmd.getSubcommands().keySet()));
            } else {
                w.println("deploy-steps: " + e.getMessage());
            }
            e.getCommandLine().usage(w);
            return USAGE;
        });
        return cmd.execute(args);
    }

    /** {@code deploy-steps} alone: the usage, as a bad-usage exit. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(err);
        return USAGE;
    }

    /** -v and -q, shared by the commands that run or check a plan. */
    static final class VerbosityOptions {
        @Option(names = {"-v", "--verbose"}, description = "Also print remote commands' output as it arrives (it is in the reports either way).")
        boolean verbose;

        @Option(names = {"-q", "--quiet"}, description = "Print only warnings, problems and errors.")
        boolean quiet;

        ConsoleProgress.Verbosity level() {
            return quiet ? ConsoleProgress.Verbosity.QUIET : verbose ? ConsoleProgress.Verbosity.VERBOSE : ConsoleProgress.Verbosity.NORMAL;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the plan's steps in order; after a step ends FAILURE the rest are not run.")
    final class RunCommand implements Callable<Integer> {
        @Parameters(paramLabel = "PLAN", description = "The plan file (YAML).")
        Path plan;

        @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "deploy-reports",
                description = "Where each step's reports and index.html go (default: ${DEFAULT-VALUE}).")
        Path reportDir;

        @Mixin
        VerbosityOptions verbosity;

        @Override
        public Integer call() {
            return new PlanRun(out, err, env, verbosity.level()).run(plan, reportDir);
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a plan without connecting anywhere: every problem is reported, then the exit code is 0 or 64.")
    final class ValidateCommand implements Callable<Integer> {
        @Parameters(paramLabel = "PLAN", description = "The plan file (YAML).")
        Path plan;

        @Mixin
        VerbosityOptions verbosity;

        @Override
        public Integer call() {
            return new PlanRun(out, err, env, verbosity.level()).validate(plan);
        }
    }

    @Command(name = "steps", mixinStandardHelpOptions = true, description = "List the steps.")
    final class StepsCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            for (StepDefinition<?> s : Steps.all()) {
                out.printf("  %-20s %s%n", s.name(), s.summary());
            }
            return 0;
        }
    }

    @Command(name = "help", mixinStandardHelpOptions = true, description = "Help on a command, or a step's parameters (also: deploy-steps STEP --help).")
    final class HelpCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "COMMAND|STEP", arity = "0..1")
        String topic;

        @Override
        public Integer call() {
            CommandLine top = spec.parent().commandLine();
            if (topic == null) {
                top.usage(out);
                return 0;
            }
            CommandLine sub = top.getSubcommands().get(topic);
            if (sub != null) {
                sub.usage(out);
                return 0;
            }
            return stepHelp(topic);
        }
    }

    private int stepHelp(String name) {
        var def = Steps.byName(name);
        if (def.isEmpty()) {
            List<String> names = Steps.all().stream().map(StepDefinition::name).toList();
            err.println("deploy-steps: unknown step '" + name + "'" + Suggestions.hint(name, names) + "; known steps: " + String.join(", ", names));
            return USAGE;
        }
        out.println(def.get().name() + ": " + def.get().summary());
        out.println();
        out.println("Parameters (the same names as the Jenkins step):");
        for (ParamDoc p : def.get().params()) {
            out.printf("  %-16s %-22s default %s%n  %16s %s%n", p.name(), p.type(), p.defaultValue(), "", p.description());
        }
        return 0;
    }

    /** The version the build wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"deploy-steps " + (v == null ? "(development build)" : v)};
        }
    }
}
