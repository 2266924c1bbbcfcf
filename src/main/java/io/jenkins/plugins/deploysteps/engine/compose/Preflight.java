package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.hostcheck.ResourceChecks;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.run.Stages;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * composeDeploy's first phase, which changes nothing: compose files, compose command, resources, required env
 * keys, revision. Every check runs that can (so one report lists every problem). The port check depends on
 * what the project runs at this moment, so it is a stage of its own under the deploy lock ({@link PortCheck}).
 */
final class Preflight {
    static final String ENV_CHECK = "required env keys";
    static final String REVISION_CHECK = "revision";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;

    Preflight(ComposeRun run, ComposeDeploySpec spec) {
        this.run = run;
        this.spec = spec;
    }

    /** The checks preflight records, in order: each is SKIP, with the reason, when the host cannot be reached. */
    static List<String> planned(ComposeDeploySpec spec) {
        List<String> names = new ArrayList<>(List.of(ProjectChecks.filesCheck(spec.target()), ProjectChecks.COMMAND_CHECK));
        if (spec.preflight().minFreeDisk() != null) {
            names.add(ResourceChecks.diskCheckName(spec.target().dir()));
        }
        if (spec.preflight().minFreeMemory() != null) {
            names.add(ResourceChecks.MEMORY_CHECK);
        }
        if (!spec.preflight().requiredEnv().isEmpty()) {
            names.add(ENV_CHECK);
        }
        if (spec.preflight().expectRevision() != null) {
            names.add(REVISION_CHECK);
        }
        return names;
    }

    /** Every preflight check but the port check, on the host: the project when all of them held, else why the deploy does not begin. */
    Outcome<ComposeProject> run(Outcome<HostLink> host) throws InterruptedException {
        return Stages.from(host).then(planned(spec), link -> checkAll()).run(run);
    }

    private Outcome<ComposeProject> checkAll() throws InterruptedException {
        int mark = run.mark();
        Checked<ProjectChecks.Files> files = run.produce(ProjectChecks.filesCheck(spec.target()),
                c -> ProjectChecks.files(run, spec.verify().services(), c));
        Checked<ComposeFlavor> flavor = run.produce(ProjectChecks.COMMAND_CHECK, c -> ProjectChecks.command(run, c));
        ComposeCommands commands = files.passed() && flavor.passed()
                ? new ComposeCommands(flavor.value(), spec.target().dir(), spec.target().project(), files.value().names()) : null;
        boolean keep = spec.strategy().strategy() == DeployStrategy.BLUE_GREEN;
        String resolved = commands != null && flavor.value().canValidateConfig()
                ? run.produce(ProjectChecks.CONFIG_CHECK, c -> ProjectChecks.validate(run, commands, keep, c)).value() : null;
        PreflightSettings pre = spec.preflight();
        if (pre.minFreeDisk() != null) {
            run.check(ResourceChecks.diskCheckName(spec.target().dir()),
                    c -> ResourceChecks.freeDisk(run.link, spec.target().dir(), pre.minFreeDisk(), run.timeouts.command(), c));
        }
        if (pre.minFreeMemory() != null) {
            run.check(ResourceChecks.MEMORY_CHECK, c -> ResourceChecks.availableMemory(run.link, pre.minFreeMemory(), run.timeouts.command(), c));
        }
        if (!pre.requiredEnv().isEmpty()) {
            run.check(ENV_CHECK, this::envKeys);
        }
        if (pre.expectRevision() != null) {
            run.check(REVISION_CHECK, this::revision);
        }
        if (!run.failedSince(mark).isEmpty() || commands == null) {
            return Outcome.missing("preflight failed: nothing was changed");
        }
        return Outcome.of(new ComposeProject(flavor.value(), files.value().names(), files.value().model(), files.value().services(), commands,
                resolved));
    }

    private Check envKeys(Check.Builder c) throws TargetException, InterruptedException {
        PreflightSettings pre = spec.preflight();
        c.expected(String.join(", ", pre.requiredEnv()) + " set in " + String.join(", ", pre.envFiles()));
        ExecResult r = run.readQuietly(PreflightCommands.envKeys(spec.target().dir(), pre.requiredEnv(), pre.envFiles()));
        if (!r.succeeded()) {
            return c.error("cannot read the env files in " + spec.target().dir() + ": " + r.tail(1));
        }
        Map<String, String> state = new LinkedHashMap<>();
        List<String> fileProblems = new ArrayList<>();
        for (String line : r.stdoutText().split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("key") && f.length == 4) {
                // "set" anywhere wins over "empty": compose reads the files in order and a later one may fill a key in.
                state.merge(f[2], f[3] + " in " + f[1], (a, b) -> a.startsWith("set") ? a : b);
            } else if (f[0].equals("nofile") && f.length == 2) {
                fileProblems.add(f[1] + " does not exist");
            } else if (f[0].equals("unreadable") && f.length == 2) {
                fileProblems.add(f[1] + " cannot be read");
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String key : pre.requiredEnv()) {
            String s = state.get(key);
            if (s == null) {
                missing.add(key);
            } else if (s.startsWith("empty")) {
                empty.add(key);
            }
        }
        List<String> found = pre.requiredEnv().stream().filter(k -> !missing.contains(k) && !empty.contains(k)).toList();
        c.actual(found.isEmpty() ? "none set" : String.join(", ", found) + " set");
        if (missing.isEmpty() && empty.isEmpty()) {
            return c.pass(String.join(", ", found) + " set (values not read)");
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing: " + String.join(", ", missing));
        }
        if (!empty.isEmpty()) {
            problems.add("empty: " + String.join(", ", empty));
        }
        problems.addAll(fileProblems);
        return c.fail(String.join("; ", problems));
    }

    private Check revision(Check.Builder c) throws TargetException, InterruptedException {
        String expected = spec.preflight().expectRevision();
        c.expected(expected);
        ExecResult r = run.read(PreflightCommands.revision(spec.target().dir()));
        if (!r.succeeded()) {
            return c.error("cannot read the revision in " + spec.target().dir() + ": " + r.tail(1));
        }
        String out = r.stdoutText().strip();
        if (out.equals("none")) {
            return c.actual("unknown").fail(spec.target().dir() + " is neither a git checkout nor has a REVISION file: cannot tell which code it holds");
        }
        String source = out.startsWith("git ") ? "git HEAD" : "REVISION file";
        String actual = out.substring(out.indexOf(' ') + 1).strip();
        c.actual(actual + " (" + source + ")");
        return c.verdict(sameRevision(expected, actual), "the code in " + spec.target().dir() + " is " + actual + " (" + source
                + "), not " + expected + ": sync the code before deploying");
    }

    /** Equal, or a commit abbreviated to at least 7 hex digits. */
    static boolean sameRevision(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        String e = expected.toLowerCase(Locale.ROOT);
        String a = actual.toLowerCase(Locale.ROOT);
        return e.matches("[0-9a-f]{7,}") && a.matches("[0-9a-f]{7,}") && (a.startsWith(e) || e.startsWith(a));
    }
}
