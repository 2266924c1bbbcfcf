package io.jenkins.plugins.deploysteps.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The settings a plan's host entry may have, checked before any is read. */
final class PlanHostKeys {
    static final List<String> HOST_KEYS = List.of("hostname", "port", "user", "identityFile", "passphraseEnv", "passwordEnv",
            "knownHosts", "knownHostsFile", "hostKeyVerification", "jumpHost", "sudo", "connectTimeout", "keepAlive", "connectRetries",
            "composeCommand", "nginxTestCommand", "nginxReloadCommand");

    private PlanHostKeys() {}

    /**
     * Unknown keys first, each with its place and the key it probably meant: a typo in {@code hostname} must say so,
     * not that {@code hostname} is missing.
     */
    static void requireKnown(PlanMarks marks, Path file, String where, Set<String> keys) throws PlanException {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (!HOST_KEYS.contains(key)) {
                problems.add(marks.at(file, where + "." + key) + ": " + where + ": unknown key '" + key + "'" + Suggestions.hint(key, HOST_KEYS)
                        + "; known keys: " + String.join(", ", HOST_KEYS));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
    }
}
