package io.jenkins.plugins.deploysteps.testing;

import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyVerification;
import io.jenkins.plugins.deploysteps.engine.ssh.HostSpec;
import io.jenkins.plugins.deploysteps.engine.ssh.SshCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real servers on 127.0.0.1, started by {@code scripts/local-target} (the same script the demo uses) and
 * described by the {@code target.env} it writes. Stopping goes through the same script, which kills only
 * the pids it started.
 */
public final class LocalTarget implements AutoCloseable {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final Map<String, String> env;

    private LocalTarget(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    public static LocalTarget start(Path dir, String... servers) {
        return start(dir, Map.of(), servers);
    }

    /** @param env for the script, e.g. {@code LOCAL_TARGET_DOCKER_HOST}: another target's podman for this one's sshd sessions */
    public static LocalTarget start(Path dir, Map<String, String> env, String... servers) {
        List<String> command = new java.util.ArrayList<>(List.of(script().toString(), "up", dir.toString()));
        command.addAll(List.of(servers));
        run(command, UP_TIMEOUT, null, env, true);
        return new LocalTarget(dir, readEnv(dir.resolve("target.env")));
    }

    /** A target another process started in {@code dir} (scripts/demo-release, say), read from its target.env; closing it stops it. */
    public static LocalTarget attach(Path dir) {
        return new LocalTarget(dir, readEnv(dir.resolve("target.env")));
    }

    public String get(String key) {
        String v = env.get(key);
        if (v == null) {
            throw new IllegalStateException("target.env in " + dir + " has no " + key);
        }
        return v;
    }

    public Path dir() {
        return dir;
    }

    public int sshPort() {
        return Integer.parseInt(get("SSHD_PORT"));
    }

    public String sshUser() {
        return get("SSH_USER");
    }

    public Path sshKey() {
        return Path.of(get("SSH_KEY"));
    }

    public List<String> knownHosts() {
        try {
            return Files.readAllLines(Path.of(get("SSH_KNOWN_HOSTS")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String knownHostsName() {
        return "[127.0.0.1]:" + sshPort();
    }

    /** The local sshd as a configured host named {@code name}, logging in with the target's key and strict host keys. */
    public HostSpec host(String name) {
        return host(name, sshUser(), new SshCredentials.PrivateKey(read(sshKey()), null), HostKeyVerification.strict(knownHosts()));
    }

    public HostSpec host(String name, String user, SshCredentials credentials, HostKeyVerification hostKeys) {
        return HostSpec.builder(name, "127.0.0.1").port(sshPort()).login(user, credentials).hostKeys(hostKeys)
                .timing(new HostSpec.Timing(Duration.ofSeconds(5), Duration.ofSeconds(15), 0)).build();
    }

    /** Authorizes another public key (any user: the target's sshd shares one authorized_keys file). */
    public void authorize(String publicKeyLine) {
        try {
            Files.writeString(Path.of(get("SSH_DIR"), "authorized_keys"), publicKeyLine.strip() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the servers (by the pids the script recorded) and deletes the target's directory. */
    @Override
    public void close() {
        run(List.of(script().toString(), "down", dir.toString()), Duration.ofSeconds(60));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readEnv(Path envFile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : read(envFile).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.endsWith("'") && line.charAt(eq + 1) == '\'') {
                env.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
            }
        }
        return env;
    }

    /** The repository's scripts folder, found from -Ddeploysteps.repo (offline build) or by walking up. */
    public static Path script() {
        return repo().resolve("scripts/local-target");
    }

    public static Path repo() {
        String configured = System.getProperty("deploysteps.repo");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/local-target"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find scripts/local-target above " + Path.of("").toAbsolutePath());
    }

    /** Runs a command to completion within {@code timeout}, failing with its output if it fails. */
    public static String run(List<String> command, Duration timeout) {
        return run(command, timeout, null, Map.of(), true);
    }

    /**
     * Runs a command to completion within {@code timeout} in {@code dir} (null: the current one) with extra
     * environment variables; returns its output (stdout and stderr), failing with it if the command fails and
     * {@code mustSucceed}.
     */
    public static String run(List<String> command, Duration timeout, Path dir, Map<String, String> env, boolean mustSucceed) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out;
            try (var in = p.getInputStream()) {
                java.util.concurrent.CompletableFuture<byte[]> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        return new byte[0];
                    }
                });
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
                }
                out = reader.get(10, TimeUnit.SECONDS);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (mustSucceed && p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
