package io.jenkins.plugins.deploysteps.engine.ssh;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;

/** A host reached over one SSH session that every command of a step reuses. */
public final class SshTarget implements Target {
    private final SshConnection connection;
    private final ChannelRun runner;

    public SshTarget(SshConnection connection, Progress progress) {
        this.connection = connection;
        this.runner = new ChannelRun(connection.session(), connection.host().name(), progress);
    }

    @Override public String name() { return connection.host().name(); }

    @Override public String address() { return connection.host().address(); }

    @Override public boolean usesSudo() { return connection.host().sudo(); }

    @Override public HostStepDefaults stepDefaults() { return connection.host().stepDefaults(); }

    public SshConnection connection() {
        return connection;
    }

    @Override
    public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
        return runner.run(command);
    }

    @Override
    public void close() {
        connection.close();
    }
}
