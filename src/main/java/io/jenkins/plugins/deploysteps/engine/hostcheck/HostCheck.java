package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.ByteSize;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.Params;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Report;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.Connect;
import io.jenkins.plugins.deploysteps.engine.run.DeclaredStep;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
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
public final class HostCheck extends DeclaredStep<HostCheckSpec> {
    public static final String NAME = "hostCheck";
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

    static final Param<String> HOST = Param.requiredString("host").doc("a configured host");
    static final Param<List<String>> PATHS = Param.strings("paths", List.of("/"))
            .doc("where free disk is measured (absolute paths; any path on the file system counts for it)")
            .rule(Param.eachEntry((path, dir) -> {
                if (!dir.startsWith("/")) {
                    throw new SpecException(path, "'" + dir + "' must be an absolute path");
                }
            }));
    static final Param<ByteSize> MIN_FREE_DISK = Param.size("minFreeDisk").shownDefault("not checked")
            .doc("least free space on each path, e.g. `'2GB'`");
    static final Param<ByteSize> MIN_FREE_MEMORY = Param.size("minFreeMemory").shownDefault("not checked")
            .doc("least available memory (`MemAvailable` in `/proc/meminfo`)");
    static final Param<Double> MAX_LOAD = Param.number("maxLoad", 0).shownDefault("not checked").doc("highest 1-minute load average");
    static final Param<List<String>> REQUIRE_COMMANDS = Param.strings("requireCommands", List.of())
            .doc("commands that must exist; also found in `/usr/sbin` when not on the SSH user's `PATH`")
            .rule(Param.eachEntry((path, command) -> {
                if (!COMMAND_NAME.matcher(command).matches()) {
                    throw new SpecException(path, "'" + command + "' is not a command name");
                }
            }));
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofSeconds(30)).doc("timeout of each remote command");
    private static final ParamSet PARAMS = ParamSet.of(HOST, PATHS, MIN_FREE_DISK, MIN_FREE_MEMORY, MAX_LOAD, REQUIRE_COMMANDS, TIMEOUT)
            .plus(CommonParams.declarations(NAME));

    public HostCheck() {
        super(NAME, "Check that a host is reachable over SSH and has the disk, memory, load headroom and commands a deploy needs.",
                PARAMS);
    }

    @Override
    public HostCheckSpec bind(Params p) {
        return p.done(new HostCheckSpec(p.get(HOST), p.get(PATHS), p.get(MIN_FREE_DISK), p.get(MIN_FREE_MEMORY), p.get(MAX_LOAD),
                p.get(REQUIRE_COMMANDS), p.get(TIMEOUT), CommonParams.read(p, NAME)));
    }

    @Override
    public Report run(HostCheckSpec spec, RunContext ctx) throws InterruptedException {
        ReportBuilder report = newReport(ctx, spec, spec.host());
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
