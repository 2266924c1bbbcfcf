package io.jenkins.plugins.deploysteps.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether tests that need the local target may skip. They skip only when its programs are absent and
 * {@code -Ddeploysteps.target=required} is not set; CI sets it, so CI never skips silently.
 */
public final class TargetRequirement {
    private TargetRequirement() {}

    public static boolean required() {
        return "required".equals(System.getProperty("deploysteps.target", "auto"));
    }

    /** Skips (or, when required, fails) unless every program exists. */
    public static void programs(String what, String... programs) {
        List<String> missing = new ArrayList<>();
        for (String p : programs) {
            if (!onPath(p)) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = what + " needs " + String.join(", ", missing) + " (run scripts/install-target as root)";
        if (required()) {
            throw new AssertionError(message + "; -Ddeploysteps.target=required forbids skipping");
        }
        Assumptions.abort(message);
    }

    /** Skips (or fails, when required) unless running as root: some fixtures need other local users or root-owned files. */
    public static void root(String what) {
        if ("root".equals(System.getProperty("user.name"))) {
            return;
        }
        if (required()) {
            throw new AssertionError(what + " must run as root; -Ddeploysteps.target=required forbids skipping");
        }
        Assumptions.abort(what + " needs root");
    }

    static boolean onPath(String program) {
        if (program.startsWith("/")) {
            return Files.isExecutable(Path.of(program));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program)) || Files.isExecutable(Path.of("/sbin", program));
    }
}
