package io.jenkins.plugins.deploysteps.config;

import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import java.util.List;
import java.util.Objects;

/**
 * A key learned on first use is Jenkins' own record of what the host presented, not something a form or a
 * JCasC file states: a form loaded before a build learned the key, or a JCasC file applied again, does not
 * carry it. Without it the next build would trust whatever key it is offered. So a new host list keeps the
 * learned key of a host with the same name and address that is still acceptFirst, unless it states a key of
 * its own. Changing the host's address or leaving acceptFirst forgets the key.
 */
final class LearnedHostKeys {
    private LearnedHostKeys() {}

    static void carryOver(List<DeployHost> previous, List<DeployHost> next) {
        for (DeployHost host : next) {
            if (host.getLearnedHostKey() != null || !acceptsFirst(host)) {
                continue;
            }
            previous.stream()
                    .filter(old -> old.getLearnedHostKey() != null && acceptsFirst(old) && sameAddress(old, host))
                    .findFirst()
                    .ifPresent(old -> host.setLearnedHostKey(old.getLearnedHostKey()));
        }
    }

    private static boolean acceptsFirst(DeployHost host) {
        return HostKeyMode.ACCEPT_FIRST.toString().equals(host.getHostKeyVerification());
    }

    private static boolean sameAddress(DeployHost a, DeployHost b) {
        return Objects.equals(a.getName(), b.getName()) && Objects.equals(a.getHostname(), b.getHostname()) && a.getPort() == b.getPort();
    }
}
