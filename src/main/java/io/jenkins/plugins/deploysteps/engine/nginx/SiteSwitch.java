package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.report.Check;
import io.jenkins.plugins.deploysteps.engine.report.Status;
import io.jenkins.plugins.deploysteps.engine.run.CheckRunner;
import io.jenkins.plugins.deploysteps.engine.run.Checked;
import io.jenkins.plugins.deploysteps.engine.run.HostLink;
import io.jenkins.plugins.deploysteps.engine.run.Recorder;
import io.jenkins.plugins.deploysteps.engine.target.Backup;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.HostStepDefaults;
import io.jenkins.plugins.deploysteps.engine.target.RemoteBackups;
import io.jenkins.plugins.deploysteps.engine.target.RemoteFiles;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * nginxRoute's way of changing a live site file, for other steps (composeDeploy's blue-green switch): back up, write
 * atomically, {@code nginx -t}, reload, probe; and put the backup back byte for byte, test and reload when any of
 * them fails. The caller holds the site's lock ({@link RouteTarget#lockPath()}) around it.
 */
public final class SiteSwitch {
    /** How long a probe after a switch must keep answering as expected (see {@link RouteProbe#probeSettled}). */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private final HostLink link;
    /** The caller's recorder, which keeps track of what failed. */
    private final Recorder checks;
    private final String site;
    private final List<String> test;
    private final List<String> reload;
    private final Duration timeout;
    private final RemoteBackups backups;
    private OptionalLong reloadedAt = OptionalLong.empty();

    /**
     * @param test the words of the test command; null: the host's nginxTestCommand, else {@code nginx -t}
     * @param reload likewise, from nginxReloadCommand
     */
    public SiteSwitch(HostLink link, Recorder checks, String site, List<String> test, List<String> reload, String backupDir, Duration timeout)
            throws TargetException {
        this.link = link;
        this.checks = checks;
        this.site = site;
        this.test = words(link, test, HostStepDefaults::nginxTestCommand, NginxCommands.DEFAULT_TEST);
        this.reload = words(link, reload, HostStepDefaults::nginxReloadCommand, NginxCommands.DEFAULT_RELOAD);
        this.timeout = timeout;
        this.backups = new RemoteBackups(link, backupDir, timeout, link.usesSudo());
    }

    /** The lock nginxRoute takes on the same file, so the two never change it at once. */
    public static String lockPath(String site) {
        return new RouteTarget("", site, null, "/", true).lockPath();
    }

    /** The step's own command, else the host's default (checked when the host was read), else nginx's own. */
    static List<String> words(HostLink link, List<String> given, Function<HostStepDefaults, List<String>> fromHost, List<String> fallback) {
        if (given != null) {
            return given;
        }
        List<String> own = fromHost.apply(link.stepDefaults());
        return own == null ? fallback : own;
    }

    public byte[] read() throws TargetException, InterruptedException {
        return new RemoteFiles(link, timeout).read(site, link.usesSudo());
    }

    /** Backs the site file up; empty in a dry run. */
    public java.util.Optional<Backup> backup(String why) throws TargetException, InterruptedException {
        return backups.create(List.of(site), Map.of("change", why));
    }

    public static String sha256(byte[] bytes) {
        return RouteSession.sha256(bytes);
    }

    /**
     * Records {@code name}: writes {@code content}, tests and reloads, then probes each of {@code probes}. When one of
     * them fails the backup goes back (tested, and reloaded when nginx had loaded the new file). True when the new
     * content is live and answered.
     */
    public boolean apply(String name, byte[] content, Backup backup, List<RouteVerify> probes) throws InterruptedException {
        Checked<Boolean> loaded = checks.produce(name, b -> writeTestReload(b, content, probes));
        boolean ok = loaded.passed() && probe(probes);
        if (!ok && backup != null) {
            restore("put " + site + " back", backup, Boolean.TRUE.equals(loaded.value()), List.of());
        }
        return ok;
    }

    /** Writes, tests and reloads; the value says whether nginx loaded the new file (not when nginx -t refused it). */
    private Checked<Boolean> writeTestReload(Check.Builder b, byte[] content, List<RouteVerify> probes) throws TargetException, InterruptedException {
        b.expected("written, nginx -t passes, reloaded" + (probes.isEmpty() ? "" : ", probes answer"));
        new RemoteFiles(link, timeout).write(site, content, link.usesSudo(), "644");
        ExecResult t = exec(test, false);
        b.evidence("nginx -t output", NginxCommands.output(t));
        if (!t.succeeded()) {
            return Checked.of(b.fail(String.join(" ", test) + " failed (exit " + t.exitCode() + "): " + NginxCommands.lastLine(NginxCommands.output(t))),
                    false);
        }
        ExecResult r = exec(reload, true);
        if (!r.succeeded()) {
            return Checked.of(b.fail(String.join(" ", reload) + " failed (exit " + r.exitCode() + "): " + NginxCommands.lastLine(NginxCommands.output(r))),
                    true);
        }
        reloadedAt = OptionalLong.of(System.nanoTime());
        return Checked.of(b.actual("sha256 " + sha256(content).substring(0, 12) + " live").pass(), true);
    }

    /** Records {@code name}: the backed-up file back byte for byte, tested, reloaded when asked, then the probes. */
    public boolean restore(String name, Backup backup, boolean reloadAfter, List<RouteVerify> probes) throws InterruptedException {
        if (!link.ensureConnected()) {
            check(name, b -> b.error("the connection is lost and reconnecting failed: put " + backup.folder() + "/files/1 back as " + site
                    + " by hand"));
            return false;
        }
        Check c = check(name, b -> {
            b.expected("byte for byte as in backup " + backup.id());
            backups.restore(backup);
            ExecResult t = exec(test, false);
            b.evidence("nginx -t output", NginxCommands.output(t));
            if (!t.succeeded()) {
                return b.fail("the restored file fails nginx -t too: " + NginxCommands.lastLine(NginxCommands.output(t)));
            }
            if (reloadAfter) {
                ExecResult r = exec(reload, true);
                if (!r.succeeded()) {
                    return b.fail(String.join(" ", reload) + " failed (exit " + r.exitCode() + ")");
                }
                reloadedAt = OptionalLong.of(System.nanoTime());
            }
            return b.actual("restored from " + backup.folder()).pass();
        });
        return c.status() == Status.PASS && probe(probes);
    }

    /**
     * When nginx last reloaded a file this switch wrote or put back ({@link System#nanoTime}), as far as the step can tell:
     * its reload command returned. Empty before. A drain of the side nginx moved away from counts from here, so the
     * probes after the reload, which wait for it to settle, are part of the drain rather than before it.
     */
    public OptionalLong reloadedAt() {
        return reloadedAt;
    }

    private boolean probe(List<RouteVerify> probes) throws InterruptedException {
        boolean all = true;
        for (RouteVerify v : probes) {
            Check c = check(RouteChecks.probeCheck(v) + " (" + site + ")", b -> RouteProbe.withJvmTrust(b, probe -> probe.probeSettled(v, SETTLE, b)));
            all &= c.status() == Status.PASS;
        }
        return all;
    }

    private ExecResult exec(List<String> words, boolean changesHost) throws TargetException, InterruptedException {
        RemoteCommand cmd = RemoteCommand.of(NginxCommands.run(words), timeout).sudo(link.usesSudo());
        return link.exec(changesHost ? cmd.changesHost() : cmd);
    }

    /**
     * The site with every {@code proxy_pass} to a loopback address on port {@code from} pointed at port {@code to}
     * instead (in {@code location}'s block only, when given); every other byte stays as it is.
     */
    public static String replaceUpstream(String text, String location, int from, int to) {
        java.util.regex.Pattern upstream = java.util.regex.Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1]):" + from + "(?=[/;\\s])");
        List<String> out = new ArrayList<>();
        int depth = 0;
        int inside = -1;
        for (String line : SiteEditor.splitLines(text)) {
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (location != null && inside < 0 && code.strip().matches("location\\s+(\\^~\\s+|=\\s+)?" + java.util.regex.Pattern.quote(location) + "\\s*\\{.*")) {
                inside = depth;
            }
            boolean applies = location == null || inside >= 0;
            out.add(applies && code.strip().startsWith("proxy_pass ") ? upstream.matcher(line).replaceAll("$1:" + to) : line);
            for (char ch : code.toCharArray()) {
                depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            }
            if (inside >= 0 && depth <= inside) {
                inside = -1;
            }
        }
        return String.join("", out);
    }

    private Check check(String name, CheckRunner.Body body) throws InterruptedException {
        return checks.produce(name, b -> Checked.without(body.evaluate(b))).check();
    }
}
