package io.jenkins.plugins.deploysteps.config;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnection;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;

/**
 * The Deploy hosts form's Test connection: connect exactly as a step would (host key policy, credential,
 * jump hosts), run a trivial command, and say what happened, including the host key fingerprint seen.
 */
public final class ConnectionTest {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

    public record Result(boolean ok, String message) {}

    private ConnectionTest() {}

    public static Result run(HostSpec host) {
        SecretMasker masker = new SecretMasker();
        Progress quiet = new Progress(ProgressSink.NONE, masker);
        long started = System.nanoTime();
        try (SshConnection connection = new SshConnector(quiet).connect(host)) {
            Duration connected = Duration.ofNanos(System.nanoTime() - started);
            ExecResult r = new SshTarget(connection, quiet).exec(RemoteCommand.of(Cmd.of("true"), COMMAND_TIMEOUT));
            if (!r.succeeded()) {
                return new Result(false, masker.mask("connected, but 'true' exited " + r.exitCode() + ": " + r.tail(2)));
            }
            SshConnection.HostKeyReport key = connection.hostKey();
            String message = "Connected to " + host.address() + (host.jumpHost() == null ? "" : " via " + host.jumpHost().name())
                    + " in " + Durations.human(connected) + "; host key " + key.describe() + "; ran 'true' in " + Durations.human(r.duration());
            if (key.learned()) {
                message += ". On first use by a build this key is stored as the learned host key: " + key.line();
            }
            return new Result(true, masker.mask(message));
        } catch (TargetException e) {
            return new Result(false, masker.mask(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
    }
}
