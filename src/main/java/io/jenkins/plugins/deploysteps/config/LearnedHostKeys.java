package io.jenkins.plugins.deploysteps.config;

import io.jenkins.plugins.deploysteps.engine.ssh.HostKeyMode;
import io.jenkins.plugins.deploysteps.engine.ssh.HostRules;
import java.util.List;
import java.util.Objects;

/**
 * A key learned on first use is Jenkins' own record of what the host presented, not something a form or a
 * JCasC file states: a form loaded before a build learned the key, or a JCasC file applied again, does not
 * carry it. Without it the next build would trust whatever key it is offered. So a new host list keeps the
 * learned key of a host with the same name and address that is still acceptFirst, unless it states a key of
 * its own. Changing the host's address or leaving acceptFirst forgets the key, and a key a build learned from the
 * address the host had when the build started is not stored once the host has moved.
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

    /**
     * Whether a build may store {@code knownHostsLine} as {@code host}'s learned key: the host still accepts the
     * first key, has none yet, and the line names the host's address as it is configured now (a build that started
     * before the address changed learned the old address's key, which would make every later build fail).
     */
    static boolean mayLearn(DeployHost host, String knownHostsLine) {
        String name = HostRules.knownHostsName(host.getHostname(), host.getPort());
        return host.getLearnedHostKey() == null && acceptsFirst(host) && knownHostsLine.startsWith(name + " ");
    }

    private static boolean acceptsFirst(DeployHost host) {
        return HostKeyMode.ACCEPT_FIRST.toString().equals(host.getHostKeyVerification());
    }

    private static boolean sameAddress(DeployHost a, DeployHost b) {
        return Objects.equals(a.getName(), b.getName()) && Objects.equals(a.getHostname(), b.getHostname()) && a.getPort() == b.getPort();
    }
}
