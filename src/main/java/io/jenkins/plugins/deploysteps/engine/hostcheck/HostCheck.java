package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.ParamDoc;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepDefinition;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code hostCheck}: before a deploy, is the host reachable and does it have room? Connects (verifying the host
 * key), then checks free disk per path, available memory, load average and required commands against the
 * thresholds given. Only thresholds that are set become checks.
 */
public final class HostCheck implements StepDefinition<HostCheckSpec> {
    public static final String NAME = "hostCheck";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "Check that a host is reachable over SSH and has the disk, memory, load headroom and commands a deploy needs.";
    }

    @Override
    public List<ParamDoc> params() {
        List<ParamDoc> docs = new ArrayList<>(List.of(
                new ParamDoc("host", "string", "(required)", "A configured host name."),
                new ParamDoc("paths", "list of strings", "['/']", "Where free disk is checked (any path on the file system)."),
                new ParamDoc("minFreeDisk", "size", "(not checked)", "Least free space on each path, e.g. '2GB'. Units are binary."),
                new ParamDoc("minFreeMemory", "size", "(not checked)", "Least available memory (MemAvailable), e.g. '256MB'."),
                new ParamDoc("maxLoad", "number", "(not checked)", "Highest 1-minute load average allowed."),
                new ParamDoc("requireCommands", "list of strings", "[]", "Commands that must exist on the host, e.g. ['docker', 'nginx']."),
                new ParamDoc("timeout", "duration", "'30s'", "Timeout of each remote command.")));
        docs.addAll(CommonParams.DOCS);
        return docs;
    }

    @Override
    public HostCheckSpec bind(Params p) {
        String host = p.requiredString("host");
        List<String> paths = p.stringList("paths");
        for (int i = 0; i < paths.size(); i++) {
            if (!paths.get(i).startsWith("/")) {
                throw new SpecException(p.path("paths") + "[" + i + "]", "'" + paths.get(i) + "' must be an absolute path");
            }
        }
        List<String> commands = p.stringList("requireCommands");
        for (int i = 0; i < commands.size(); i++) {
            if (!COMMAND_NAME.matcher(commands.get(i)).matches()) {
                throw new SpecException(p.path("requireCommands") + "[" + i + "]", "'" + commands.get(i) + "' is not a command name");
            }
        }
        HostCheckSpec spec = new HostCheckSpec(host, paths.isEmpty() ? List.of("/") : paths,
                p.optionalSize("minFreeDisk").orElse(null), p.optionalSize("minFreeMemory").orElse(null),
                p.optionalNumber("maxLoad", 0).orElse(null), commands, p.duration("timeout", DEFAULT_TIMEOUT),
                CommonParams.read(p, NAME));
        p.done();
        return spec;
    }

    @Override
    public Report run(HostCheckSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = ctx.newReport(NAME, spec.common().reportName(), spec.host());
        CheckRunner checks = new CheckRunner(ctx, report);
        Target target = Connect.connect(ctx, report, "host", spec.host());
        List<String> planned = planned(spec);
        if (target == null) {
            planned.forEach(name -> checks.skip(name, "not connected"));
            return report.finish(spec.common().onFailure());
        }
        for (String path : spec.paths()) {
            if (spec.minFreeDisk() != null) {
                checks.run(ResourceChecks.diskCheckName(path), c -> ResourceChecks.freeDisk(target, path, spec.minFreeDisk(), spec.timeout(), c));
            }
        }
        if (spec.minFreeMemory() != null) {
            checks.run(ResourceChecks.MEMORY_CHECK, c -> ResourceChecks.availableMemory(target, spec.minFreeMemory(), spec.timeout(), c));
        }
        if (spec.maxLoad() != null) {
            checks.run("load average", c -> load(target, spec, c));
        }
        if (!spec.requireCommands().isEmpty()) {
            commands(target, spec, checks);
        }
        return report.finish(spec.common().onFailure());
    }

    private static List<String> planned(HostCheckSpec spec) {
        List<String> names = new ArrayList<>();
        if (spec.minFreeDisk() != null) {
            spec.paths().forEach(p -> names.add(ResourceChecks.diskCheckName(p)));
        }
        if (spec.minFreeMemory() != null) {
            names.add(ResourceChecks.MEMORY_CHECK);
        }
        if (spec.maxLoad() != null) {
            names.add("load average");
        }
        spec.requireCommands().forEach(c -> names.add("command " + c));
        return names;
    }

    private static Check load(Target target, HostCheckSpec spec, Check.Builder c) throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(HostCheckCommands.loadAverage(), spec.timeout()));
        c.expected("1-minute load <= " + format(spec.maxLoad()));
        var load = r.succeeded() ? HostFacts.parseLoadAvg(r.stdoutText()) : java.util.Optional.<HostFacts.Load>empty();
        if (load.isEmpty()) {
            return c.error("cannot read /proc/loadavg" + (r.succeeded() ? "" : ": " + r.tail(1)));
        }
        HostFacts.Load l = load.get();
        c.actual(format(l.one()) + " (5 min " + format(l.five()) + ", 15 min " + format(l.fifteen()) + ")");
        return c.verdict(l.one() <= spec.maxLoad(), "load " + format(l.one()) + " is above " + format(spec.maxLoad()));
    }

    private static void commands(Target target, HostCheckSpec spec, CheckRunner checks) throws InterruptedException {
        ExecResult r;
        try {
            r = target.exec(RemoteCommand.of(HostCheckCommands.findCommands(spec.requireCommands()), spec.timeout()));
        } catch (TargetException e) {
            for (String name : spec.requireCommands()) {
                checks.run("command " + name, c -> c.error(e.getMessage()));
            }
            return;
        }
        List<String> lines = List.of(r.stdoutText().split("\\R"));
        for (String name : spec.requireCommands()) {
            checks.run("command " + name, c -> {
                c.expected("on the host");
                for (String line : lines) {
                    String[] f = line.split(" ", 3);
                    if (f.length >= 2 && f[1].equals(name)) {
                        return switch (f[0]) {
                            case "found" -> c.actual(f[2]).pass();
                            case "offpath" -> c.actual(f[2]).pass("found at " + f[2] + ", but not on the SSH user's PATH");
                            default -> c.actual("not found").fail(name + " is not installed (or not on the PATH of " + target.address() + ")");
                        };
                    }
                }
                return c.error("no answer for " + name + " from the command search" + (r.succeeded() ? "" : ": " + r.tail(2)));
            });
        }
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
