package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connections of one step: at most one SSH session per host, opened on first use and shared by every
 * command the step runs there, all closed when the step ends.
 */
public final class Targets implements AutoCloseable {
    /** Opens a target for a host; tests swap in recording fakes here. */
    @FunctionalInterface
    public interface Opener {
        Target open(HostSpec host) throws TargetException, InterruptedException;
    }

    private final HostResolver resolver;
    private final Opener opener;
    private final Map<String, Target> open = new LinkedHashMap<>();
    private final Map<String, String> learnedHostKeys = new LinkedHashMap<>();

    public Targets(HostResolver resolver, Opener opener) {
        this.resolver = resolver;
        this.opener = opener;
    }

    /** Targets reached over SSH with strict host-key checking unless a host says otherwise. */
    public static Targets overSsh(HostResolver resolver, Progress progress) {
        SshConnector connector = new SshConnector(progress);
        return new Targets(resolver, host -> new SshTarget(connector.connect(host), progress));
    }

    public synchronized Target get(String field, String name) throws TargetException, InterruptedException {
        Target t = open.get(name);
        if (t == null) {
            t = opener.open(resolver.resolve(field, name));
            open.put(name, t);
            if (t instanceof SshTarget ssh && ssh.connection().hostKey().learned()) {
                learnedHostKeys.put(name, ssh.connection().hostKey().line());
            }
        }
        return t;
    }

    /** Host name → known_hosts line of every key accepted on first use, so a front end can store it. */
    public synchronized Map<String, String> learnedHostKeys() {
        return Map.copyOf(learnedHostKeys);
    }

    /** Forgets a target whose connection broke, so the next {@link #get} reconnects. */
    public synchronized void discard(String name) {
        Target t = open.remove(name);
        if (t != null) {
            t.close();
        }
    }

    @Override
    public synchronized void close() {
        for (Target t : open.values()) {
            t.close();
        }
        open.clear();
    }
}
