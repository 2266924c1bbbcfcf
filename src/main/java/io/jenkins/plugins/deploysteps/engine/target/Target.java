package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;

/**
 * A host a step works on. Everything a step does to a host is a {@link RemoteCommand}; file transfer and
 * locking are command builders on top of {@link #exec}, so a dry run or a recording fake only has to
 * wrap this one method.
 */
public interface Target extends AutoCloseable {

    /** The configured host name, as steps and logs call it ({@code prod-1}). */
    String name();

    /** Where it is, for messages: {@code deploy@10.0.0.5:22}. */
    String address();

    /** Whether this host's configuration says commands that need root go through sudo. */
    boolean usesSudo();

    /**
     * What the host says steps fall back to when their own parameter is unset ({@code composeCommand},
     * {@code nginxReloadCommand}), from Deploy hosts or the plan's host, checked when the host list was read.
     */
    default HostStepDefaults stepDefaults() {
        return HostStepDefaults.NONE;
    }

    /**
     * Runs a command, streaming its output to the progress log unless it is quiet. A non-zero exit is a
     * result, not an exception; timeouts, lost connections and sudo refusing are exceptions.
     */
    ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException;

    /**
     * True when the host answers, connecting again when the connection dropped: how a caller whose command lost
     * its reply (the host may have run it all the same) gets a connection to find out on. A target that cannot
     * connect again says false, and the caller leaves things to the host's own cleanup (a lock's lease).
     */
    default boolean ensureConnected() throws InterruptedException {
        return false;
    }

    @Override
    void close();
}
