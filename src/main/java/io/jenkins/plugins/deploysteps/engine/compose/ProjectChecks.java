package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
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

    /** Records {@code compose files in <dir>}; null unless the files exist, parse and define the services asked for. */
    static Files files(ComposeRun run, List<String> wantedServices, String checkName) throws InterruptedException {
        Files[] found = new Files[1];
        run.check(checkName, c -> {
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
                return c.actual("no directory").fail("directory " + run.target.dir() + " does not exist on " + run.link.name());
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
                return c.actual("none").fail("no compose file in " + run.target.dir() + " (looked for " + String.join(", ", ComposeCommands.DEFAULT_FILES) + ")");
            }
            if (!missing.isEmpty()) {
                return c.actual("missing: " + String.join(", ", missing)).fail("compose file " + String.join(", ", missing) + " not found in " + run.target.dir());
            }
            ComposeModel model;
            try {
                model = ComposeModel.parse(read(run, names));
            } catch (ComposeModel.ComposeFileException e) {
                return c.actual(String.join(", ", names)).fail(e.getMessage());
            }
            List<String> unknown = wantedServices.stream().filter(s -> !model.services().containsKey(s)).toList();
            c.actual(String.join(", ", names) + ": services " + String.join(", ", model.services().keySet()));
            if (!unknown.isEmpty()) {
                return c.fail("no service " + String.join(", ", unknown) + " in the compose files (they define "
                        + String.join(", ", model.services().keySet()) + ")");
            }
            List<String> services = wantedServices.isEmpty() ? model.defaultServices() : wantedServices;
            if (services.isEmpty()) {
                return c.fail("the compose files define no service that starts by default");
            }
            found[0] = new Files(names, model, services);
            return c.pass();
        });
        return found[0];
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
     * Records {@code compose command}: the step's {@code composeCommand}, else the host's default, else
     * detection. Null unless the command works on the host.
     */
    static ComposeFlavor command(ComposeRun run) throws InterruptedException {
        ComposeFlavor[] chosen = new ComposeFlavor[1];
        run.check(COMMAND_CHECK, c -> {
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
                    return c.actual("none").evidence("what each said", lines.length > 1 ? lines[1] : r.stderrText())
                            .fail("no compose command works on " + run.link.name() + " (tried docker compose, docker-compose, podman-compose)");
                }
                chosen[0] = ComposeFlavor.byLabel(lines[0].substring(6)).orElseThrow();
                String found = chosen[0] + version(lines.length > 1 ? lines[1] : "");
                return c.actual(found).pass(found + ", detected");
            }
            var flavor = ComposeFlavor.byLabel(setting);
            if (flavor.isEmpty()) {
                return c.error(source + " '" + setting + "' is not one of '" + String.join("', '", ComposeFlavor.choices()) + "'");
            }
            c.expected(setting + " works");
            ExecResult r = run.read(ComposeCommands.version(flavor.get()));
            if (!r.succeeded()) {
                return c.actual("exit " + r.exitCode()).fail(setting + " (" + source + ") does not work on " + run.link.name() + ": " + r.tail(1));
            }
            chosen[0] = flavor.get();
            String found = setting + version(r.stdoutText());
            return c.actual(found).pass(found + ", from " + source);
        });
        return chosen[0];
    }

    private static String version(String output) {
        String first = output.strip().split("\n")[0].strip();
        return first.isEmpty() ? "" : " (" + first + ")";
    }

    /**
     * Records {@code compose config}: compose itself accepts the files (syntax, variables). Output stays quiet: it can echo values.
     *
     * @param keep whether to have compose print the resolved project (for blue-green) rather than only validate it
     * @return the resolved project when kept and accepted, else null
     */
    static String validate(ComposeRun run, ComposeCommands commands, boolean keep) throws InterruptedException {
        String[] resolved = new String[1];
        run.check(CONFIG_CHECK, c -> {
            c.expected("compose accepts the files");
            ExecResult r = run.readQuietly(keep ? commands.config() : commands.validate());
            if (!r.succeeded()) {
                return c.actual("exit " + r.exitCode()).fail("compose rejects the files: " + r.tail(1));
            }
            resolved[0] = keep ? r.stdoutText() : null;
            return c.pass();
        });
        return resolved[0];
    }
}
