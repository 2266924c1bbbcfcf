package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Severity;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts a blue-green deploy's copy on free host ports: its compose file, rendered with the ports, written and brought
 * up. A port that was free when the host's listeners were read can be taken by the time the engine binds it (another
 * deploy's copy, any server starting); then that attempt's containers are removed and the copy starts again on other
 * free ports, {@link #ATTEMPTS} times in all at most.
 */
final class CopyLaunch {
    static final int ATTEMPTS = 3;

    /** The copy, rendered with a temporary host port per routed service. */
    interface Render {
        CopyStages.Copy with(Map<String, Integer> ports);
    }

    /** Removes what a copy may have started. */
    interface Removal {
        void remove(Outcome<CopyStages.Copy> copy) throws InterruptedException;
    }

    private final ComposeRun run;
    private final String file;
    private final ComposeCommands commands;
    private final EngineCommands engine;
    private final List<String> services;

    /**
     * @param file where the copy's compose file goes (mode 600: it holds the env values compose resolved)
     * @param commands compose commands of the copy's project, {@code engine} its container CLI
     * @param services the copy's services
     */
    CopyLaunch(ComposeRun run, String file, ComposeCommands commands, EngineCommands engine, List<String> services) {
        this.run = run;
        this.file = file;
        this.commands = commands;
        this.engine = engine;
        this.services = services;
    }

    /**
     * Checks {@code start the new copy}: passing, where it runs. The copy is handed on whenever it may have begun to start,
     * so that it is removed; when the step is stopped, what may have started is removed at once.
     *
     * @param hostIps per routed service, the address its port is published on
     */
    Checked<CopyStages.Copy> start(Check.Builder c, Map<String, String> hostIps, Render render, Removal removal) throws TargetException,
            InterruptedException {
        Set<Integer> taken = new TreeSet<>();
        CopyStages.Copy copy = null;
        try {
            for (int attempt = 1;; attempt++) {
                String tables = run.readQuietly(Listeners.read()).stdoutText();
                List<Integer> free = Listeners.freePorts(Listeners.parse(tables), Listeners.ephemeral(tables), hostIps.size(), taken);
                Map<String, Integer> ports = new LinkedHashMap<>();
                hostIps.keySet().forEach(s -> ports.put(s, free.get(ports.size())));
                copy = render.with(ports);
                String where = String.join(", ", ports.entrySet().stream()
                        .map(e -> e.getKey() + " on " + hostIps.get(e.getKey()) + ":" + e.getValue()).toList());
                ExecResult up = up(copy);
                if (run.dryRun) {
                    return Checked.of(c.skip("dry run: would start " + where), copy);
                }
                if (up.succeeded() || attempt == ATTEMPTS || !Listeners.portTaken(up.stdoutText() + up.stderrText())) {
                    return Checked.of(judge(c, up, where, taken), copy);
                }
                taken.addAll(ports.values());
                run.ctx.progress().info("[" + run.link.name() + "] a port chosen for the new copy (" + where + ") was taken by the time it "
                        + "started: removing it and choosing other free ports (attempt " + (attempt + 1) + " of " + ATTEMPTS + ")");
                run.change(engine.stopAndRemoveContainers());
            }
        } catch (TargetException | RuntimeException e) {
            if (copy == null) {
                throw e; // nothing was written or started
            }
            // it may have begun to start: it is handed on all the same, so that it is removed
            return Checked.of(CheckRunner.couldNotRun(BlueGreen.START, Severity.FAILURE, e), copy);
        } catch (InterruptedException e) {
            if (copy != null) {
                removal.remove(Outcome.of(copy)); // what may have started does not stay when the step is stopped
            }
            throw e;
        }
    }

    private ExecResult up(CopyStages.Copy copy) throws TargetException, InterruptedException {
        new RemoteFiles(run.link, run.timeouts.command()).write(file, copy.rendered().yaml().getBytes(StandardCharsets.UTF_8), run.sudo(),
                "600");
        return run.link.exec(RemoteCommand.of(commands.up(services), run.timeouts.compose()).sudo(run.sudo()).changesHost());
    }

    private Check judge(Check.Builder c, ExecResult up, String where, Set<Integer> taken) {
        c.evidence("output", CommandCheck.tail(up.stdoutText() + up.stderrText(), 30));
        if (!taken.isEmpty()) {
            c.evidence("ports taken before the copy could bind them", String.join(", ", taken.stream().map(String::valueOf).toList()));
        }
        if (!up.succeeded()) {
            // compose's last line only says that errors happened; its last "ERROR: for <service> ..." line says which
            String why = (up.stdoutText() + "\n" + up.stderrText()).lines().filter(l -> l.startsWith("ERROR:")).reduce((a, b) -> b)
                    .orElse(up.tail(1));
            return c.actual("exit " + up.exitCode()).fail("compose up of the new copy failed (exit " + up.exitCode() + "): " + why.strip());
        }
        run.report.fact("newCopy", where);
        return c.actual(where).pass();
    }
}
