package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code published ports are free}: no host port the services publish is held by anything but this project. It
 * depends on what the project runs at this moment, so it runs under the deploy lock, after preflight: before it, a
 * deploy still in progress could make a port look taken by someone else.
 */
final class PortCheck {
    static final String NAME = "published ports are free";

    private final ComposeRun run;
    private ContainerState.Snapshot seen;

    PortCheck(ComposeRun run) {
        this.run = run;
    }

    /** The project's containers as the check listed them (under the lock, so still as they are), or null when it did not. */
    ContainerState.Snapshot seen() {
        return seen;
    }

    /** The check as a stage: the project goes on when its ports are free. */
    Checked<ComposeProject> run(Check.Builder c, ComposeProject project) throws TargetException, InterruptedException {
        return Checked.of(ports(project, c), project);
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
        seen = run.states(new EngineCommands(project.flavor(), run.target.project()));
        for (ContainerState s : seen.containers()) {
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
                + run.target.project() + ": " + String.join(", ", taken));
    }
}
