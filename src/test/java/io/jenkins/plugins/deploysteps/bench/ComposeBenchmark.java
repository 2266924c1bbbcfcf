package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.command.Shell;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploySpec;
import io.jenkins.plugins.deploysteps.engine.gate.Outcome;
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
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.ForwardingTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import io.jenkins.plugins.deploysteps.testing.ComposeApp;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole composeDeploy step against the local target (sshd + the podman API service, driven by the real
 * docker-compose over SSH) vs a shell script that runs the same remote commands over one OpenSSH connection
 * (ControlMaster), measured in the same run. Each round deploys a new version with the engine, recording
 * every command it sent and where it paused (its 500 ms verification polls); the script then replays exactly
 * those commands, with the same pauses, through {@code ssh -S}. Both do the same real work (down, build
 * --no-cache, up, polls, logs), so the ratio is the engine's own cost. Run with {@code scripts/bench compose
 * [ROUNDS]}; target: ratio <= 1.10.
 */
public final class ComposeBenchmark {
    private static final Duration POLL_PAUSE = Duration.ofMillis(450);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    /** A remote command as the engine sent it, and the pause before it. */
    private record Sent(String line, long pauseBeforeMillis) {}

    /** Wraps the step's SSH target and records what went through it. */
    private static final class RecordingTarget extends ForwardingTarget {
        private final Target real;
        private final List<Sent> sent = new ArrayList<>();
        private long lastEnd;

        RecordingTarget(Target real) {
            this.real = real;
        }

        @Override
        protected Target delegate() {
            return real;
        }

        @Override
        public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
            if (command.stdin() != null) {
                throw new IllegalStateException("the replay does not send stdin: " + command.line());
            }
            long start = System.nanoTime();
            long pause = lastEnd == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(start - lastEnd);
            try {
                return real.exec(command);
            } finally {
                lastEnd = System.nanoTime();
                // Only the engine's deliberate waits are replayed as pauses; anything shorter is its own overhead.
                sent.add(new Sent(command.line(), pause >= POLL_PAUSE.toMillis() ? pause : 0));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("deploy-steps-bench-");
        try (LocalTarget target = LocalTarget.start(dir, "podman", "sshd"); ComposeApp app = ComposeApp.create(target, dir)) {
            new ComposeBenchmark().run(target, app, rounds);
        }
    }

    private void run(LocalTarget target, ComposeApp app, int rounds) throws Exception {
        Map<String, Object> params = app.params("requiredEnv", List.of("DATABASE_URL", "JWT_SECRET"), "minFreeDisk", "10MB",
                "minFreeMemory", "1MB", "logsTail", 20);
        deployWithEngine(target, app, params); // warm-up: JIT, image layers, first containers
        List<Long> engine = new ArrayList<>();
        List<Long> script = new ArrayList<>();
        int commands = 0;
        int pauses = 0;
        for (int round = 1; round <= rounds; round++) {
            app.version("v" + (round + 1));
            long t0 = System.nanoTime();
            RecordingTarget recorded = deployWithEngine(target, app, params);
            engine.add(System.nanoTime() - t0);
            commands = recorded.sent.size();
            pauses = (int) recorded.sent.stream().filter(s -> s.pauseBeforeMillis() > 0).count();
            script.add(replayOverControlMaster(target, recorded.sent, app.dir().getParent().resolve("replay-" + round + ".sh")));
        }
        double e = SshBenchmark.median(engine);
        double s = SshBenchmark.median(script);
        System.out.printf(Locale.ROOT, "%ncomposeDeploy benchmark against 127.0.0.1:%d, docker-compose on podman (medians of %d rounds)%n",
                target.sshPort(), rounds);
        System.out.printf(Locale.ROOT, "  engine: whole step (connect, preflight, lock, backup, down, build, up, verify, logs) %8.0f ms%n", e);
        System.out.printf(Locale.ROOT, "  script: the same %d commands over one ssh ControlMaster connection      %8.0f ms%n", commands, s);
        System.out.printf(Locale.ROOT, "  of which replayed verification pauses: %d%n", pauses);
        System.out.printf(Locale.ROOT, "  engine - script: %.0f ms in all, %.1f ms per command%n", e - s, (e - s) / commands);
        System.out.printf(Locale.ROOT, "  ratio engine / script  %.3f  (target: <= 1.10)%n", e / s);
        System.out.printf(Locale.ROOT, "  rounds (engine / script, ms): %s%n", rounds(engine, script));
    }

    private RecordingTarget deployWithEngine(LocalTarget target, ComposeApp app, Map<String, Object> params) throws Exception {
        Progress quiet = new Progress(ProgressSink.NONE, new SecretMasker());
        HostSpec local = target.host("local");
        HostResolver hosts = (field, name) -> {
            if (!name.equals("local")) {
                throw new SpecException(field, "unknown host " + name);
            }
            return local;
        };
        SshConnector connector = new SshConnector(quiet);
        RecordingTarget[] recording = new RecordingTarget[1];
        Targets targets = new Targets(hosts, host -> recording[0] = new RecordingTarget(new SshTarget(connector.connect(host), quiet)));
        ComposeDeploy step = new ComposeDeploy();
        ComposeDeploySpec spec = StepRunner.bind(step, params, hosts);
        StepResult r;
        try (RunContext ctx = new RunContext(quiet.masker(), quiet, targets, Clock.systemUTC(), "bench")) {
            r = StepRunner.run(step, spec, ctx, app.dir().getParent().resolve("bench-reports"));
        }
        if (r.report().verdict().outcome() != Outcome.SUCCESS) {
            throw new IllegalStateException("the deploy did not succeed: " + r.report().verdict().reason());
        }
        return recording[0];
    }

    /** Writes the commands as a bash script over one ControlMaster connection, runs it and returns its wall time. */
    private static long replayOverControlMaster(LocalTarget target, List<Sent> sent, Path file) throws Exception {
        String socket = target.dir().resolve("bench-cm.sock").toString();
        String ssh = Shell.join(List.of("ssh", "-q", "-i", target.sshKey().toString(), "-p", Integer.toString(target.sshPort()),
                "-o", "UserKnownHostsFile=" + target.get("SSH_KNOWN_HOSTS"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                "-S", socket));
        String login = target.sshUser() + "@127.0.0.1";
        StringBuilder b = new StringBuilder("#!/usr/bin/env bash\n# Replays one composeDeploy run's remote commands over one OpenSSH connection.\n");
        b.append(ssh).append(" -M -o ControlPersist=120 -fN ").append(login).append('\n');
        for (Sent s : sent) {
            if (s.pauseBeforeMillis() > 0) {
                b.append(String.format(Locale.ROOT, "sleep %.3f%n", s.pauseBeforeMillis() / 1000.0));
            }
            b.append(ssh).append(' ').append(login).append(' ').append(Shell.quote(s.line())).append(" >/dev/null 2>&1 </dev/null || true\n");
        }
        Files.writeString(file, b.toString());
        long t0 = System.nanoTime();
        LocalTarget.run(List.of("bash", file.toString()), SCRIPT_TIMEOUT);
        long took = System.nanoTime() - t0;
        LocalTarget.run(List.of("bash", "-c", ssh + " -O exit " + login + " 2>/dev/null || true"), Duration.ofSeconds(30));
        return took;
    }

    private static String rounds(List<Long> engine, List<Long> script) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < engine.size(); i++) {
            out.add(engine.get(i) / 1_000_000 + " / " + script.get(i) / 1_000_000);
        }
        return String.join(", ", out);
    }
}
