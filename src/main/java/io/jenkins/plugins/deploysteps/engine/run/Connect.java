package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnection;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;

/** The "connect to <host>" check every SSH step starts with: reachability, host key, login. */
public final class Connect {
    private Connect() {}

    /** Connects and records the check; returns null when the connection failed (the check says why). */
    public static Target connect(RunContext ctx, ReportBuilder report, String field, String host) throws InterruptedException {
        return connect(ctx, report, field, host, "connect to " + host);
    }

    /**
     * Opens a new session after the step's connection to {@code host} dropped (so a step can still undo what it
     * began), recorded as {@code reconnect to <host>}; null when that fails too.
     */
    public static Target reconnect(RunContext ctx, ReportBuilder report, String field, String host) throws InterruptedException {
        ctx.targets().discard(host);
        return connect(ctx, report, field, host, "reconnect to " + host);
    }

    private static Target connect(RunContext ctx, ReportBuilder report, String field, String host, String checkName)
            throws InterruptedException {
        Checked<Target> connected = new CheckRunner(ctx, report).produce(checkName, c -> {
            Target target = ctx.targets().get(field, host);
            c.expected("SSH login with a trusted host key");
            if (!(target instanceof SshTarget ssh)) {
                return Checked.of(c.actual(target.address()).pass(), target);
            }
            SshConnection.HostKeyReport key = ssh.connection().hostKey();
            c.actual(target.address() + ", host key " + key.type() + " " + key.fingerprint());
            report.fact("hostKeys", host, key.line());
            if (key.unverified()) {
                String warning = "host key verification is OFF for '" + host + "': nothing protects this connection against "
                        + "impersonation. Pin the key instead: " + key.line();
                report.warn(warning);
                ctx.progress().warn(warning);
                return Checked.of(c.pass("host key NOT verified"), target);
            }
            if (key.learned()) {
                ctx.progress().info("[" + host + "] learned host key on first use: " + key.line());
                return Checked.of(c.pass("host key learned on first use"), target);
            }
            return Checked.of(c.pass("host key verified"), target);
        });
        return connected.passed() ? connected.value() : null;
    }
}
