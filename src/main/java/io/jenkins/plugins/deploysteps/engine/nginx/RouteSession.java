package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.http.Http;
import io.jenkins.plugins.deploysteps.engine.http.TrustSource;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every stage of one nginxRoute run shares: the run's context and report, the link to the host (through sudo
 * when the host's configuration says so), the spec, and the few actions several stages take: run the test or reload
 * command as a check, probe the route, skip the checks that can no longer run.
 */
final class RouteSession {
    final RunContext ctx;
    final ReportBuilder report;
    final CheckRunner checks;
    final HostLink link;
    final NginxRouteSpec spec;
    final RouteTarget route;
    final boolean sudo;
    final boolean dryRun;

    /** The test and reload commands as words. */
    record Commands(List<String> test, List<String> reload) {}

    RouteSession(RunContext ctx, ReportBuilder report, HostLink link, NginxRouteSpec spec) {
        this.ctx = ctx;
        this.report = report;
        this.checks = new CheckRunner(ctx, report);
        this.link = link;
        this.spec = spec;
        this.route = spec.target();
        this.sudo = link.usesSudo();
        this.dryRun = spec.settings().dryRun();
    }

    /** Records {@code first} and every check planned after it as skipped, saying why. */
    void skipFrom(String first, String why) {
        List<String> all = RouteChecks.planned(spec);
        all.subList(all.indexOf(first), all.size()).forEach(n -> checks.skip(n, why));
    }

    RemoteFiles files() {
        return new RemoteFiles(link, spec.settings().timeout());
    }

    RemoteBackups backups() {
        return new RemoteBackups(link, spec.settings().backupDir(), spec.settings().timeout(), sudo);
    }

    /** A test or reload command as a check, its output the evidence. */
    Check command(String name, List<String> words, boolean changesHost) throws InterruptedException {
        return checks.run(name, c -> {
            RemoteCommand cmd = RemoteCommand.of(NginxCommands.run(words), spec.settings().timeout()).sudo(sudo);
            ExecResult r = link.exec(changesHost ? cmd.changesHost() : cmd);
            String output = NginxCommands.output(r);
            c.expected("exit 0").actual("exit " + r.exitCode()).evidence(name.endsWith(RouteChecks.TEST) ? "nginx -t output" : "output", output);
            return r.succeeded() ? c.pass()
                    : c.fail(String.join(" ", words) + " failed (exit " + r.exitCode() + "): " + NginxCommands.lastLine(output));
        });
    }

    /** The probe as a check; null when the spec asks for none. */
    Check probe() throws InterruptedException {
        RouteVerify verify = spec.verify();
        if (verify == null) {
            return null;
        }
        return checks.run(RouteChecks.probeCheck(verify), c -> {
            Http http;
            try {
                http = new Http(TrustSource.JVM);
            } catch (GeneralSecurityException e) {
                return c.error("cannot set up TLS: " + e.getMessage());
            }
            return new RouteProbe(http).probe(verify, c);
        });
    }

    static boolean passed(Check c) {
        return c.status() == Status.PASS;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
