package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.target.CommandFailedException;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;

/**
 * The host a sync works on, for the commands it runs there quietly (their checks say what they did).
 *
 * @param name the configured host name, for messages
 * @param timeout of each command
 * @param sudo whether the host's commands run through sudo
 */
record SyncHost(Target link, String name, Duration timeout, boolean sudo) {
    /** Runs a command that changes the host; one that fails is an error that names {@code what} and the host. */
    void change(Cmd cmd, String what) throws TargetException, InterruptedException {
        ExecResult r = link.exec(RemoteCommand.of(cmd, timeout).quiet().changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException(what + " on " + name, r);
        }
    }

    /** Runs a command that tidies up after a failed sync; a failure leaves what the next sync removes. */
    void tidy(Cmd cmd) throws TargetException, InterruptedException {
        link.exec(RemoteCommand.of(cmd, timeout).quiet().changesHost());
    }

    /** Runs a command that only reads, with {@code stdin} as its input when not null; its result, however it ended. */
    ExecResult read(Cmd cmd, byte[] stdin) throws TargetException, InterruptedException {
        RemoteCommand rc = RemoteCommand.of(cmd, timeout).quiet();
        return link.exec(stdin == null ? rc : rc.stdin(stdin));
    }
}
