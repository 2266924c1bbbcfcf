package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.command.Shell;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRoute;
import io.jenkins.plugins.deploysteps.engine.nginx.NginxRouteSpec;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import io.jenkins.plugins.deploysteps.testing.NginxSite;
import io.jenkins.plugins.deploysteps.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole nginxRoute step (connect, lock, read, back up, write, nginx -t, reload, probe, unlock) against the local
 * target's nginx vs a shell script doing the same by hand over one OpenSSH ControlMaster connection: {@code cp} the
 * file to a backup, write the new version (temporary file and rename), {@code nginx -t}, reload, {@code curl} the
 * route. Each round the step switches the route to one upstream path and the script back to the other, so both
 * really change, test and reload the file; the script writes exactly the bytes the step wrote for that route. Measured in the same run, alternating. The script's time is
 * given with its ControlMaster set-up (what a script run once per deploy pays) and without it (a warm connection).
 * Run with {@code scripts/bench nginx [ROUNDS]}; target: ratio <= 1.2.
 */
public final class NginxBenchmark {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("deploy-steps-bench-");
        try (LocalTarget target = LocalTarget.start(dir, "sshd", "nginx");
                TestHttpServer upstream = TestHttpServer.http().on("/api/ping", TestHttpServer.text(200, "a")).on("/b/ping", TestHttpServer.text(200, "b"));
                NginxSite site = NginxSite.withServer(target, "bench", "    location /old/ { return 200 \"old\\n\"; }\n")) {
            new NginxBenchmark().run(target, upstream, site, dir, rounds);
        }
    }

    private void run(LocalTarget target, TestHttpServer upstream, NginxSite site, Path dir, int rounds) throws Exception {
        String[] upstreams = {"http://127.0.0.1:" + upstream.port(), "http://127.0.0.1:" + upstream.port() + "/b/"};
        byte[][] versions = new byte[2][];
        for (int i = 0; i < 2; i++) { // warm-up, and the two versions of the file the script will write
            step(target, site, dir, upstreams[i]);
            versions[i] = site.bytes();
        }
        String socket = dir.resolve("bench-cm.sock").toString();
        String ssh = Shell.join(List.of("ssh", "-q", "-i", target.sshKey().toString(), "-p", Integer.toString(target.sshPort()),
                "-o", "UserKnownHostsFile=" + target.get("SSH_KNOWN_HOSTS"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-S", socket));
        String login = target.sshUser() + "@127.0.0.1";
        for (int i = 0; i < 2; i++) {
            Files.write(dir.resolve("version-" + i), versions[i]);
        }
        List<Long> engine = new ArrayList<>();
        List<Long> scriptCold = new ArrayList<>();
        List<Long> scriptWarm = new ArrayList<>();
        StepResult last = null;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            last = step(target, site, dir, upstreams[0]);
            engine.add(System.nanoTime() - t0);
            long[] script = script(target, site, dir, ssh, login, dir.resolve("version-1"), round);
            scriptCold.add(script[0]);
            scriptWarm.add(script[1]);
        }
        double e = SshBenchmark.median(engine);
        double cold = SshBenchmark.median(scriptCold);
        double warm = SshBenchmark.median(scriptWarm);
        System.out.printf(Locale.ROOT, "%nnginxRoute benchmark against 127.0.0.1:%d and nginx on 127.0.0.1:%d (medians of %d rounds)%n",
                target.sshPort(), site.port(), rounds);
        System.out.printf(Locale.ROOT, "  engine: whole step (connect, lock, read, backup, write, nginx -t, reload, probe, unlock) %7.1f ms%n", e);
        System.out.printf(Locale.ROOT, "  script: ControlMaster up, cp, write, nginx -t, reload, curl                           %7.1f ms%n", cold);
        System.out.printf(Locale.ROOT, "  script on a warm ControlMaster connection: cp, write, nginx -t, reload, curl          %7.1f ms%n", warm);
        System.out.printf(Locale.ROOT, "  ratio engine / script         %.3f  (target: <= 1.20)%n", e / cold);
        System.out.printf(Locale.ROOT, "  ratio engine / warm script    %.3f%n", e / warm);
        System.out.printf(Locale.ROOT, "  rounds (engine / script / warm script, ms): %s%n", rounds(engine, scriptCold, scriptWarm));
        System.out.printf(Locale.ROOT, "  the last engine round, check by check (ms): %s%n", String.join(", ", last.report().checks().stream()
                .map(c -> c.name().replaceFirst(" /.*", "") + " " + c.duration().toMillis()).toList()));
    }

    private static StepResult step(LocalTarget target, NginxSite site, Path dir, String proxyPass) throws Exception {
        Progress quiet = new Progress(ProgressSink.NONE, new SecretMasker());
        HostSpec plain = target.host("local");
        HostSpec local = plain.toBuilder().name("local").jumpHost(null).sudo(false).stepDefaults(NginxSite.hostDefaults(target)).build();
        HostResolver hosts = (field, name) -> {
            if (!name.equals("local")) {
                throw new SpecException(field, "unknown host " + name);
            }
            return local;
        };
        Map<String, Object> params = new LinkedHashMap<>(Map.of("host", "local", "site", site.file().toString(), "location", "/api/",
                "proxyPass", proxyPass, "verifyUrl", site.url("/api/ping"), "backupDir", dir.resolve("engine-backups").toString(),
                "keepBackups", 3));
        NginxRoute step = new NginxRoute();
        NginxRouteSpec spec = StepRunner.bind(step, params, hosts);
        StepResult r;
        try (RunContext ctx = new RunContext(quiet.masker(), quiet, Targets.overSsh(hosts, quiet), Clock.systemUTC(), "bench")) {
            r = StepRunner.run(step, spec, ctx, dir.resolve("bench-reports"));
        }
        if (r.report().verdict().outcome() != Outcome.SUCCESS || !"updated".equals(r.report().fact("change"))
                && !"added".equals(r.report().fact("change"))) {
            throw new IllegalStateException("the step did not change the route: " + r.report().verdict().reason() + " " + r.report().facts());
        }
        return r;
    }

    /** Runs the hand-written script; returns its time with and without setting up the ControlMaster connection. */
    private static long[] script(LocalTarget target, NginxSite site, Path dir, String ssh, String login, Path version, int round) throws Exception {
        String file = site.file().toString();
        String tmp = site.file().getParent().resolve("." + site.file().getFileName() + ".tmp").toString();
        String backups = dir.resolve("script-backups").toString();
        String remote = ssh + " " + login + " ";
        String body = String.join("\n",
                "set -e",
                "t0=$(date +%s%N)",
                ssh + " -M -o ControlPersist=60 -fN " + login,
                "t1=$(date +%s%N)",
                remote + Shell.quote("mkdir -p " + backups + " && cp -p " + file + " " + backups + "/site." + round),
                remote + Shell.quote("cat > " + tmp + " && mv " + tmp + " " + file) + " < " + Shell.quote(version.toString()),
                remote + Shell.quote(target.get("NGINX_TEST_CMD")) + " 2>/dev/null",
                remote + Shell.quote(target.get("NGINX_RELOAD_CMD")),
                "curl -fsS --noproxy '*' --max-time 5 -o /dev/null " + Shell.quote(site.url("/api/ping")),
                "t2=$(date +%s%N)",
                ssh + " -O exit " + login + " 2>/dev/null || true",
                "echo $((t2 - t0)) $((t2 - t1))");
        Path script = dir.resolve("route-by-hand.sh");
        Files.writeString(script, "#!/usr/bin/env bash\n# nginxRoute by hand over one OpenSSH ControlMaster connection.\n" + body + "\n");
        String[] out = LocalTarget.run(List.of("bash", script.toString()), SCRIPT_TIMEOUT).strip().split("\\s+");
        return new long[] {Long.parseLong(out[out.length - 2]), Long.parseLong(out[out.length - 1])};
    }

    private static String rounds(List<Long> engine, List<Long> cold, List<Long> warm) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < engine.size(); i++) {
            out.add(engine.get(i) / 1_000_000 + " / " + cold.get(i) / 1_000_000 + " / " + warm.get(i) / 1_000_000);
        }
        return String.join(", ", out);
    }
}
