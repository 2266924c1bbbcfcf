package io.jenkins.plugins.deploysteps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local target shared by every test class of one JVM run (starting servers is the slow part), stopped when
 * the run ends. Register it with {@code @RegisterExtension static SharedTarget target = SharedTarget.sshd();}.
 */
public final class SharedTarget implements BeforeAllCallback {
    private final String[] servers;
    private final String[] programs;
    private LocalTarget target;

    private SharedTarget(String[] servers, String... programs) {
        this.servers = servers;
        this.programs = programs;
    }

    public static SharedTarget sshd() {
        return new SharedTarget(new String[] {"sshd"}, "/usr/sbin/sshd", "ssh-keygen", "ssh");
    }

    /**
     * sshd whose sessions reach a podman API service as DOCKER_HOST (so the real docker CLI and docker-compose
     * work over SSH), podman-compose, and a health ticker that runs container healthchecks.
     */
    public static SharedTarget sshdAndPodman() {
        return new SharedTarget(new String[] {"podman", "sshd"}, "/usr/sbin/sshd", "ssh-keygen", "ssh", "podman", "docker",
                "docker-compose", "podman-compose", "setsid", "git", "busybox");
    }

    /** sshd, podman (as in {@link #sshdAndPodman()}) and nginx: compose services behind the host's nginx. */
    public static SharedTarget sshdNginxAndPodman() {
        return new SharedTarget(new String[] {"podman", "sshd", "nginx"}, "/usr/sbin/sshd", "ssh-keygen", "ssh", "podman", "docker",
                "docker-compose", "podman-compose", "setsid", "git", "busybox", "nginx", "curl");
    }

    public static SharedTarget sshdAndNginx() {
        return new SharedTarget(new String[] {"sshd", "nginx"}, "/usr/sbin/sshd", "ssh-keygen", "ssh", "nginx", "curl");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TargetRequirement.programs("the local target (" + String.join(", ", servers) + ")", programs);
        String key = "local-target:" + String.join(",", servers);
        target = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(key, k -> new Resource(start()), Resource.class).target;
    }

    private LocalTarget start() {
        try {
            Path dir = Files.createTempDirectory("deploy-steps-target-");
            return LocalTarget.start(dir, servers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalTarget get() {
        if (target == null) {
            throw new IllegalStateException("SharedTarget " + Arrays.toString(servers) + " used before beforeAll");
        }
        return target;
    }

    /** Closes the target when JUnit closes the root store, at the end of the run. */
    private record Resource(LocalTarget target) implements AutoCloseable {
        @Override
        public void close() {
            target.close();
        }
    }
}
