package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.ReportBuilder;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.RemoteLock;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What every stage of one nginxRoute run shares once the host is connected and its nginx commands are known: the run's
 * context and report, the link to the host (through sudo when the host's configuration says so), the spec, the test
 * and reload commands, and the few actions several stages take.
 */
record RouteSession(RunContext ctx, ReportBuilder report, CheckRunner checks, HostLink link, NginxRouteSpec spec, Commands commands) {
    /** The test and reload commands as words. */
    record Commands(List<String> test, List<String> reload) {}

    /** The site file's lock, taken: what the stages after it run under. */
    record Locked(RouteSession s, RemoteLock.Held held) {}

    /** The site file as it is on the host (ISO-8859-1, so every byte stays itself). */
    record Read(RouteSession s, String text) {}

    /**
     * The change the run makes, and, once it is backed up, the backup that undoes it.
     *
     * @param backup null until the backup stage made it, and when nothing needed changing
     */
    record Planned(RouteSession s, SiteChange change, Backup backup) {
        Planned backedUp(Backup made) {
            return new Planned(s, change, made);
        }

        byte[] after() {
            return change.after().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    RouteTarget route() {
        return spec.target();
    }

    /** Whether the host's commands run through sudo (the host's configuration says). */
    boolean sudo() {
        return link.usesSudo();
    }

    boolean dryRun() {
        return spec.settings().dryRun();
    }

    RemoteFiles files() {
        return new RemoteFiles(link, spec.settings().timeout());
    }

    RemoteBackups backups() {
        return new RemoteBackups(link, spec.settings().backupDir(), spec.settings().timeout(), sudo());
    }

    /** Runs the test command for the check {@code c}; its output is the evidence. */
    Check test(Check.Builder c) throws TargetException, InterruptedException {
        return command(c, commands.test(), false, "nginx -t output");
    }

    /** Runs the reload command for the check {@code c}; its output is the evidence. */
    Check reload(Check.Builder c) throws TargetException, InterruptedException {
        return command(c, commands.reload(), true, "output");
    }

    private Check command(Check.Builder c, List<String> words, boolean changesHost, String evidence) throws TargetException, InterruptedException {
        RemoteCommand cmd = RemoteCommand.of(NginxCommands.run(words), spec.settings().timeout()).sudo(sudo());
        ExecResult r = link.exec(changesHost ? cmd.changesHost() : cmd);
        String output = NginxCommands.output(r);
        c.expected("exit 0").actual("exit " + r.exitCode()).evidence(evidence, output);
        return r.succeeded() ? c.pass() : c.fail(String.join(" ", words) + " failed (exit " + r.exitCode() + "): " + NginxCommands.lastLine(output));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
