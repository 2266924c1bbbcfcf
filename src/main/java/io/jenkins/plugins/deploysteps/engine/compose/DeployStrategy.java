package io.jenkins.plugins.deploysteps.engine.compose;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** In which order composeDeploy replaces the running version, and so how long users see it gone. */
public enum DeployStrategy {
    /** Pull and build while the old containers serve; only then stop them and start the new ones. */
    BUILD_FIRST("build-first"),
    /** The checklist's order: stop, build, start (frees memory and disk before the build). */
    RECREATE("recreate"),
    /** The new version of each routed service beside the old one; nginx switched to it once it is verified. */
    BLUE_GREEN("blue-green");

    private final String label;

    DeployStrategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DeployStrategy> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(DeployStrategy::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
