package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFileNotFoundException;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks both compose steps start with: which compose files the project has (and what they define), and
 * which compose command drives it.
 */
final class ProjectChecks {
    static final String COMMAND_CHECK = "compose command";
    static final String CONFIG_CHECK = "compose config";

    private ProjectChecks() {}

    static String filesCheck(ComposeTarget target) {
        return "compose files in " + target.dir();
    }

    /** Found compose files and the model they define. */
    record Files(List<String> names, ComposeModel model, List<String> services) {}

    /** Checks {@code compose files in <dir>}: they exist, parse and define the services asked for; passing, what they are. */
    static Checked<Files> files(ComposeRun run, List<String> wantedServices, Check.Builder c) throws TargetException, InterruptedException {
        List<String> given = run.target.files();
        Set<String> candidates = new LinkedHashSet<>(given);
        if (given.isEmpty()) {
            for (String f : ComposeCommands.DEFAULT_FILES) {
                candidates.add(f);
                candidates.addAll(ComposeCommands.overrides(f));
            }
        }
        c.expected(given.isEmpty() ? "one of " + String.join(", ", ComposeCommands.DEFAULT_FILES) : String.join(", ", given));
        ExecResult r = run.read(ComposeCommands.findFiles(run.target.dir(), new ArrayList<>(candidates)));
        if (r.stdoutText().strip().equals("nodir")) {
            return Checked.without(c.actual("no directory").fail("directory " + run.target.dir() + " does not exist on " + run.link.name()));
        }
        List<String> present = new ArrayList<>();
        for (String line : r.stdoutText().split("\n")) {
            if (line.startsWith("found ")) {
                present.add(line.substring(6));
            }
        }
        List<String> names = given.isEmpty() ? pick(present) : given;
        List<String> missing = names.stream().filter(n -> !present.contains(n)).toList();
        if (names.isEmpty()) {
            return Checked.without(c.actual("none").fail("no compose file in " + run.target.dir() + " (looked for "
                    + String.join(", ", ComposeCommands.DEFAULT_FILES) + ")"));
        }
        if (!missing.isEmpty()) {
            return Checked.without(c.actual("missing: " + String.join(", ", missing)).fail("compose file " + String.join(", ", missing)
                    + " not found in " + run.target.dir()));
        }
        ComposeModel model;
        try {
            model = ComposeModel.parse(read(run, names));
        } catch (ComposeModel.ComposeFileException e) {
            return Checked.without(c.actual(String.join(", ", names)).fail(e.getMessage()));
        }
        List<String> unknown = wantedServices.stream().filter(s -> !model.services().containsKey(s)).toList();
        c.actual(String.join(", ", names) + ": services " + String.join(", ", model.services().keySet()));
        if (!unknown.isEmpty()) {
            return Checked.without(c.fail("no service " + String.join(", ", unknown) + " in the compose files (they define "
                    + String.join(", ", model.services().keySet()) + ")"));
        }
        List<String> services = wantedServices.isEmpty() ? model.defaultServices() : wantedServices;
        if (services.isEmpty()) {
            return Checked.without(c.fail("the compose files define no service that starts by default"));
        }
        return Checked.of(c.pass(), new Files(names, model, services));
    }

    /** Compose's choice: the first default file that exists, and its override file when there is one. */
    static List<String> pick(List<String> present) {
        for (String f : ComposeCommands.DEFAULT_FILES) {
            if (present.contains(f)) {
                List<String> out = new ArrayList<>(List.of(f));
                ComposeCommands.overrides(f).stream().filter(present::contains).findFirst().ifPresent(out::add);
                return out;
            }
        }
        return List.of();
    }

    private static Map<String, String> read(ComposeRun run, List<String> names) throws TargetException, InterruptedException {
        RemoteFiles files = new RemoteFiles(run.link, run.timeouts.command());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : names) {
            try {
                texts.put(name, new String(files.read(run.target.resolve(name), run.sudo()), StandardCharsets.UTF_8));
            } catch (RemoteFileNotFoundException e) {
                throw new TargetException(name + " disappeared from " + run.target.dir() + " while it was being read");
            }
        }
        return texts;
    }

    /**
     * Checks {@code compose command}: the step's {@code composeCommand}, else the host's default, else detection;
     * passing, the command, which works on the host.
     */
    static Checked<ComposeFlavor> command(ComposeRun run, Check.Builder c) throws TargetException, InterruptedException {
        String setting = run.target.composeCommand();
        String source = "composeCommand";
        if (setting == null) {
            setting = run.link.stepDefaults().composeCommand();
            source = "the host's composeCommand";
        }
        if (setting == null || setting.isBlank()) {
            setting = ComposeFlavor.AUTO;
            source = "detected";
        }
        setting = setting.strip();
        if (setting.equals(ComposeFlavor.AUTO)) {
            c.expected("docker compose, docker-compose or podman-compose works");
            ExecResult r = run.read(ComposeCommands.detect());
            String[] lines = r.stdoutText().strip().split("\n", 2);
            if (!lines[0].startsWith("found ")) {
                return Checked.without(c.actual("none").evidence("what each said", lines.length > 1 ? lines[1] : r.stderrText())
                        .fail("no compose command works on " + run.link.name() + " (tried docker compose, docker-compose, podman-compose)"));
            }
            ComposeFlavor detected = ComposeFlavor.byLabel(lines[0].substring(6)).orElseThrow();
            String found = detected + version(lines.length > 1 ? lines[1] : "");
            return Checked.of(c.actual(found).pass(found + ", detected"), detected);
        }
        var flavor = ComposeFlavor.byLabel(setting);
        if (flavor.isEmpty()) {
            return Checked.without(c.error(source + " '" + setting + "' is not one of '" + String.join("', '", ComposeFlavor.choices()) + "'"));
        }
        c.expected(setting + " works");
        ExecResult r = run.read(ComposeCommands.version(flavor.get()));
        if (!r.succeeded()) {
            return Checked.without(c.actual("exit " + r.exitCode()).fail(setting + " (" + source + ") does not work on " + run.link.name() + ": "
                    + r.tail(1)));
        }
        String found = setting + version(r.stdoutText());
        return Checked.of(c.actual(found).pass(found + ", from " + source), flavor.get());
    }

    private static String version(String output) {
        String first = output.strip().split("\n")[0].strip();
        return first.isEmpty() ? "" : " (" + first + ")";
    }

    /**
     * Checks {@code compose config}: compose itself accepts the files (syntax, variables). Output stays quiet: it can echo values.
     *
     * @param keep whether to have compose print the resolved project (for blue-green) rather than only validate it
     * @return passing and kept, the resolved project; else no value
     */
    static Checked<String> validate(ComposeRun run, ComposeCommands commands, boolean keep, Check.Builder c) throws TargetException,
            InterruptedException {
        c.expected("compose accepts the files");
        ExecResult r = run.readQuietly(keep ? commands.config() : commands.validate());
        if (!r.succeeded()) {
            return Checked.without(c.actual("exit " + r.exitCode()).fail("compose rejects the files: " + r.tail(1)));
        }
        return Checked.of(c.pass(), keep ? r.stdoutText() : null);
    }
}
