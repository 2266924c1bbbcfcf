package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;

/**
 * A target that hands every call to another one: the base of decorators (a dry run, a link that reconnects, a
 * recording), which override only what they change, so none of them forgets to pass a method on.
 */
public abstract class ForwardingTarget implements Target {
    /** Where calls go; it may change over time (a link that connected again). */
    protected abstract Target delegate();

    @Override
    public String name() {
        return delegate().name();
    }

    @Override
    public String address() {
        return delegate().address();
    }

    @Override
    public boolean usesSudo() {
        return delegate().usesSudo();
    }

    @Override
    public HostStepDefaults stepDefaults() {
        return delegate().stepDefaults();
    }

    @Override
    public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
        return delegate().exec(command);
    }

    @Override
    public boolean ensureConnected() throws InterruptedException {
        return delegate().ensureConnected();
    }

    @Override
    public void close() {
        delegate().close();
    }
}
