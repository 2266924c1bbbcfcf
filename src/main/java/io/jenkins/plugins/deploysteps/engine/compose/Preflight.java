package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.hostcheck.ResourceChecks;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * composeDeploy's first phase, which changes nothing: compose files, compose command, resources, required env
 * keys, revision. Every check runs that can (so one report lists every problem). The port check depends on
 * what the project runs at this moment, so it runs later, under the deploy lock ({@link #portsFree}): before
 * it, a deploy still in progress could make a port look taken by someone else.
 */
final class Preflight {
    static final String ENV_CHECK = "required env keys";
    static final String REVISION_CHECK = "revision";
    static final String PORTS_CHECK = "published ports are free";

    private final ComposeRun run;
    private final ComposeDeploySpec spec;

    Preflight(ComposeRun run, ComposeDeploySpec spec) {
        this.run = run;
        this.spec = spec;
    }

    /** The checks preflight records, in order, for skipping them all when the host cannot be reached. */
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

    /** Runs every preflight check but the port check; the project when all of them held, else null. */
    ComposeProject run() throws InterruptedException {
        int mark = run.mark();
        ProjectChecks.Files files = ProjectChecks.files(run, spec.verify().services(), ProjectChecks.filesCheck(spec.target()));
        ComposeFlavor flavor = ProjectChecks.command(run);
        ComposeCommands commands = null;
        String resolved = null;
        if (files != null && flavor != null) {
            commands = new ComposeCommands(flavor, spec.target().dir(), spec.target().project(), files.names());
            if (flavor.canValidateConfig()) {
                resolved = ProjectChecks.validate(run, commands, spec.strategy().strategy() == DeployStrategy.BLUE_GREEN);
            }
        }
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
        boolean clean = run.failedSince(mark).isEmpty() && files != null && commands != null;
        return clean ? new ComposeProject(flavor, files.names(), files.model(), files.services(), commands, resolved) : null;
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

    /** Records {@code published ports are free}: no host port the services publish is held by anything but this project. */
    boolean portsFree(ComposeProject project) throws InterruptedException {
        return run.check(PORTS_CHECK, c -> ports(project, c)).status() == Status.PASS;
    }

    private Check ports(ComposeProject project, Check.Builder c) throws TargetException, InterruptedException {
        List<PublishedPort> wanted = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String service : project.services()) {
            ComposeService s = project.model().services().get(service);
            wanted.addAll(s.ports());
            s.unresolvedPorts().forEach(p -> unresolved.add(p + " (" + service + ")"));
        }
        String notChecked = unresolved.isEmpty() ? null : "not checked, written with variables: " + String.join(", ", unresolved);
        if (wanted.isEmpty()) {
            return c.actual("no host ports").pass(notChecked);
        }
        c.expected(wanted.stream().map(PublishedPort::toString).reduce((a, b) -> a + ", " + b).orElse("") + " free or held by this project");
        ExecResult r = run.readQuietly(Listeners.read());
        List<Listeners.Listener> listeners = Listeners.parse(r.stdoutText());
        Set<String> own = new LinkedHashSet<>();
        for (ContainerState s : run.states(new EngineCommands(project.flavor(), spec.target().project())).containers()) {
            if (!s.status().equals("exited") && !s.status().equals("dead")) {
                own.addAll(s.hostPorts());
            }
        }
        List<String> taken = new ArrayList<>();
        for (PublishedPort p : wanted) {
            List<Listeners.Listener> holders = Listeners.conflicts(p, listeners, own);
            if (!holders.isEmpty()) {
                Listeners.Listener l = holders.get(0);
                taken.add(p + " (something listens on " + (l.address().contains(":") ? "[" + l.address() + "]" : l.address()) + ":" + l.port() + ")");
                c.evidence("who listens on " + p.port(), run.readQuietly(PreflightCommands.portOwners(p.port())).stdoutText());
            }
        }
        if (taken.isEmpty()) {
            return c.actual("free" + (own.isEmpty() ? "" : "; held by this project: " + String.join(", ", own))).pass(notChecked);
        }
        return c.actual("taken: " + String.join(", ", taken)).fail("port already in use by something outside project "
                + spec.target().project() + ": " + String.join(", ", taken));
    }
}
