package io.jenkins.plugins.deploysteps.engine.ssh;

import java.io.Serializable;
import java.util.List;

/**
 * A host's key policy and the keys it trusts: known_hosts lines (as {@code ssh-keyscan} prints them, or just
 * {@code <type> <base64>}) and/or a known_hosts file on the machine that runs the step.
 */
public record HostKeyVerification(HostKeyMode mode, List<String> knownHosts, String knownHostsFile) implements Serializable {
    public HostKeyVerification {
        mode = mode == null ? HostKeyMode.STRICT : mode;
        knownHosts = knownHosts == null ? List.of() : List.copyOf(knownHosts);
    }

    public static HostKeyVerification strict(List<String> knownHosts) {
        return new HostKeyVerification(HostKeyMode.STRICT, knownHosts, null);
    }
}
