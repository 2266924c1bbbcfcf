package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.nginx.RouteSession.Planned;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Outcome;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import java.util.List;
import java.util.Map;

/**
 * A dry run of a planned change (the link wraps a {@link io.jenkins.plugins.deploysteps.engine.target.DryRunTarget}):
 * the backup and the write are printed, not run, and {@code nginx -t} tests the whole configuration with the candidate
 * in place of the live file, in a private mount namespace, so neither the file nor the running nginx is touched.
 */
final class RouteDryRun {
    private RouteDryRun() {}

    /** Records the stages of the change as a dry run has them; the route is never live after one. */
    static Outcome<Planned> run(Planned planned) throws InterruptedException {
        RouteSession s = planned.s();
        CheckRunner checks = s.checks();
        byte[] after = planned.after();
        checks.run(RouteChecks.BACKUP, c -> {
            s.backups().create(List.of(s.route().site()), Map.of());
            return c.skip("dry run: printed, not run");
        });
        checks.run(RouteChecks.writeCheck(s.route()), c -> {
            s.files().write(s.route().site(), after, s.sudo(), "644");
            return c.skip("dry run: printed, not run");
        });
        checks.run(RouteChecks.TEST, c -> {
            c.expected("the whole configuration, with the new site file in place of the live one, passes " + String.join(" ", s.commands().test()));
            ExecResult r = s.link().exec(RemoteCommand.of(NginxCommands.testCandidate(s.route().site(), s.commands().test()), s.spec().settings().timeout())
                    .sudo(s.sudo()).stdin(after));
            String output = NginxCommands.output(r);
            c.evidence("nginx -t output", output).actual("exit " + r.exitCode());
            if (r.exitCode() == NginxCommands.NO_NAMESPACE || r.exitCode() == NginxCommands.NO_MOUNT) {
                return c.error("cannot test the candidate without changing the live file: " + r.tail(1));
            }
            return r.succeeded() ? c.pass("tested in a private mount namespace; the live file was not touched")
                    : c.fail("nginx -t fails with the new site file (nothing was changed): " + NginxCommands.lastLine(output));
        });
        checks.skip(RouteChecks.RELOAD, "dry run: nothing to reload");
        return Outcome.missing("dry run: the route is not live");
    }
}
