package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.run.HostResolver;
import io.jenkins.plugins.deploysteps.engine.run.RunContext;
import io.jenkins.plugins.deploysteps.engine.run.StepResult;
import io.jenkins.plugins.deploysteps.engine.run.StepRunner;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.sync.SyncFiles;
import io.jenkins.plugins.deploysteps.engine.sync.SyncSpec;
import io.jenkins.plugins.deploysteps.engine.run.Targets;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The whole syncFiles step (connect, lock, compare, transfer, move into place, unlock) vs {@code rsync -a --delete}
 * over OpenSSH, both to the local target's sshd, side by side in one run, on a tree of about 3,000 files (a
 * node_modules-like tree of small files plus sources): the first sync into an empty folder, a sync with nothing
 * changed, and a sync after changing one file. Each round uses fresh destinations for both. Run with
 * {@code scripts/bench sync [ROUNDS]}; goals: first sync at most 1.0x rsync's time, the others at most 1.5x.
 */
public final class SyncBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String[] PHASES = {"first sync", "nothing changed", "one file changed"};

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("deploy-steps-bench-");
        try (LocalTarget target = LocalTarget.start(dir, "sshd")) {
            new SyncBenchmark().run(target, dir, rounds);
        }
    }

    private void run(LocalTarget target, Path dir, int rounds) throws Exception {
        Path ws = dir.resolve("ws");
        int files = tree(ws.resolve("app"));
        String rsh = String.join(" ", "ssh", "-q", "-i", target.sshKey().toString(), "-p", Integer.toString(target.sshPort()),
                "-o", "UserKnownHostsFile=" + target.get("SSH_KNOWN_HOSTS"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes");
        String login = target.sshUser() + "@127.0.0.1";
        List<List<Long>> engine = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Long>> rsync = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] sent = new long[3];
        StepResult[] last = new StepResult[3];
        for (int round = 0; round < rounds; round++) {
            String to = dir.resolve("engine-" + round).toString();
            String rto = dir.resolve("rsync-" + round).toString();
            for (int phase = 0; phase < 3; phase++) {
                if (phase == 2) {
                    Files.writeString(ws.resolve("app/src/module-7.js"), "export const round = " + round + ";\n", StandardCharsets.UTF_8);
                }
                long t0 = System.nanoTime();
                StepResult r = step(target, ws, to);
                engine.get(phase).add(System.nanoTime() - t0);
                sent[phase] = Long.parseLong(r.report().fact("bytesSent"));
                last[phase] = r;
                t0 = System.nanoTime();
                LocalTarget.run(List.of("rsync", "-a", "--delete", "-e", rsh, ws.resolve("app") + "/", login + ":" + rto + "/"), TIMEOUT);
                rsync.get(phase).add(System.nanoTime() - t0);
            }
        }
        System.out.printf(Locale.ROOT, "%nsyncFiles benchmark: %d files to 127.0.0.1:%d (medians of %d rounds, fresh destinations each round)%n",
                files, target.sshPort(), rounds);
        double[] goals = {1.0, 1.5, 1.5};
        for (int phase = 0; phase < 3; phase++) {
            double e = SshBenchmark.median(engine.get(phase));
            double s = SshBenchmark.median(rsync.get(phase));
            System.out.printf(Locale.ROOT, "  %-17s engine %8.1f ms   rsync -a --delete %8.1f ms   ratio %.2f (goal <= %.1f)   engine sent %d bytes%n",
                    PHASES[phase], e, s, e / s, goals[phase], sent[phase]);
        }
        for (int phase = 0; phase < 3; phase++) {
            System.out.printf(Locale.ROOT, "  last %s, check by check (ms): %s%n", PHASES[phase], String.join(", ", last[phase].report().checks()
                    .stream().map(c -> c.name().replaceFirst(" /.*", "") + " " + c.duration().toMillis()).toList()));
        }
        System.out.printf(Locale.ROOT, "  peak heap used by the benchmark JVM: %.1f MiB%n", peakHeap() / 1048576.0);
    }

    private static StepResult step(LocalTarget target, Path ws, String to) throws Exception {
        Progress quiet = new Progress(ProgressSink.NONE, new SecretMasker());
        HostSpec local = target.host("local");
        HostResolver hosts = (field, name) -> local;
        SyncFiles step = new SyncFiles();
        SyncSpec spec = StepRunner.bind(step, Map.of("host", "local", "from", "app", "to", to, "revision", "bench", "excludes",
                List.of("**/.cache/**")), hosts);
        StepResult r;
        try (RunContext ctx = new RunContext(quiet.masker(), quiet, Targets.overSsh(hosts, quiet), Clock.systemUTC(), "bench")) {
            r = StepRunner.run(step, spec, ctx.withBaseDir(ws), ws.resolve("../bench-reports").normalize());
        }
        if (r.report().verdict().outcome() != Outcome.SUCCESS) {
            throw new IllegalStateException("the sync failed: " + r.report().verdict().reason());
        }
        return r;
    }

    /** About 3,000 files: 160 packages of 18 small files in nested folders, and 120 sources. */
    private static int tree(Path app) throws Exception {
        Random random = new Random(42);
        int n = 0;
        for (int p = 0; p < 160; p++) {
            Path pkg = app.resolve("node_modules/pkg-" + p);
            for (int f = 0; f < 18; f++) {
                Path file = pkg.resolve(f < 6 ? "lib/file-" + f + ".js" : f < 12 ? "dist/esm/file-" + f + ".mjs" : "file-" + f + ".json");
                Files.createDirectories(file.getParent());
                byte[] content = new byte[200 + random.nextInt(4000)];
                for (int i = 0; i < content.length; i++) {
                    content[i] = (byte) ('a' + random.nextInt(26));
                }
                Files.write(file, content);
                n++;
            }
        }
        Files.createDirectories(app.resolve("src"));
        for (int s = 0; s < 120; s++) {
            Files.writeString(app.resolve("src/module-" + s + ".js"), "export const n = " + s + ";\n".repeat(1 + s % 40),
                    StandardCharsets.UTF_8);
            n++;
        }
        return n;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
