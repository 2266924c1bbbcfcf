package io.jenkins.plugins.deploysteps.bench;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.progress.Progress;
import io.jenkins.plugins.deploysteps.engine.progress.ProgressSink;
import io.jenkins.plugins.deploysteps.engine.secret.SecretMasker;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnection;
import io.jenkins.plugins.deploysteps.engine.ssh.SshConnector;
import io.jenkins.plugins.deploysteps.engine.ssh.SshTarget;
import io.jenkins.plugins.deploysteps.testing.LocalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * SSH connection setup and per-command latency of the engine against the OpenSSH client, measured in the same
 * run against the same sshd: a new {@code ssh} per command, and {@code ssh} over a ControlMaster connection.
 * Run with {@code scripts/bench ssh}; it prints medians and ratios (engine / OpenSSH; below 1 is faster).
 */
public final class SshBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("deploy-steps-bench-");
        try (LocalTarget target = LocalTarget.start(dir, "sshd")) {
            new SshBenchmark().run(target, commands);
        }
    }

    private void run(LocalTarget target, int commands) throws Exception {
        Progress quiet = new Progress(ProgressSink.NONE, new SecretMasker());
        HostSpec host = target.host("bench");
        SshConnector connector = new SshConnector(quiet);

        for (int i = 0; i < 3; i++) { // warm up the JIT and the server
            try (SshConnection c = connector.connect(host)) {
                runCommands(new SshTarget(c, quiet), 20);
            }
        }
        List<Long> engineConnect = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            connector.connect(host).close();
            engineConnect.add(System.nanoTime() - t0);
        }
        List<Long> engineCommand;
        try (SshConnection c = connector.connect(host)) {
            engineCommand = runCommands(new SshTarget(c, quiet), commands);
        }

        List<String> base = List.of("ssh", "-q", "-i", target.sshKey().toString(), "-p", Integer.toString(target.sshPort()),
                "-o", "UserKnownHostsFile=" + target.get("SSH_KNOWN_HOSTS"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes");
        String login = target.sshUser() + "@127.0.0.1";
        int fresh = Math.min(commands, 30); // a new connection per command is slow; 30 give a stable median
        List<Long> newSsh = timeProcesses(concat(base, List.of(login, "true")), fresh);

        Path socket = target.dir().resolve("bench-control.sock");
        LocalTarget.run(concat(base, List.of("-M", "-S", socket.toString(), "-o", "ControlPersist=60", "-fN", login)), TIMEOUT);
        List<Long> controlMaster;
        try {
            timeProcesses(concat(base, List.of("-S", socket.toString(), login, "true")), 10);
            controlMaster = timeProcesses(concat(base, List.of("-S", socket.toString(), login, "true")), commands);
        } finally {
            LocalTarget.run(concat(base, List.of("-S", socket.toString(), "-O", "exit", login)), TIMEOUT);
        }

        double connect = median(engineConnect);
        double command = median(engineCommand);
        double sshNew = median(newSsh);
        double sshMux = median(controlMaster);
        System.out.printf(Locale.ROOT, "%nSSH benchmark against %s:%d (medians)%n", "127.0.0.1", target.sshPort());
        System.out.printf(Locale.ROOT, "  engine: connection setup (10 runs)                 %8.2f ms%n", connect);
        System.out.printf(Locale.ROOT, "  engine: command on the reused session (%d runs)   %8.2f ms%n", commands, command);
        System.out.printf(Locale.ROOT, "  openssh: new ssh per command (%d runs)             %8.2f ms%n", fresh, sshNew);
        System.out.printf(Locale.ROOT, "  openssh: ssh over ControlMaster (%d runs)         %8.2f ms%n", commands, sshMux);
        System.out.printf(Locale.ROOT, "  ratio engine setup / new ssh command               %8.2f%n", connect / sshNew);
        System.out.printf(Locale.ROOT, "  ratio engine command / ControlMaster command       %8.2f  (target: <= 1.00)%n", command / sshMux);
        System.out.printf(Locale.ROOT, "  %d commands: engine %.0f ms in all, ControlMaster %.0f ms, new ssh each %.0f ms (estimated)%n",
                commands, command * commands, sshMux * commands, sshNew * commands);
    }

    private static List<Long> runCommands(SshTarget target, int n) throws Exception {
        List<Long> times = new ArrayList<>(n);
        RemoteCommand trivial = RemoteCommand.of(Cmd.of("true"), TIMEOUT);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            if (target.exec(trivial).exitCode() != 0) {
                throw new IllegalStateException("true failed");
            }
            times.add(System.nanoTime() - t0);
        }
        return times;
    }

    private static List<Long> timeProcesses(List<String> command, int n) throws Exception {
        List<Long> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
            times.add(System.nanoTime() - t0);
        }
        return times;
    }

    static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        long m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return m / 1_000_000.0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
