package io.jenkins.plugins.deploysteps.engine.sync;

import java.util.List;

/**
 * Which paths a sync leaves alone. Excluded paths are neither sent nor deleted on the host (as rsync's excludes
 * protect remote files). Preserved paths (the host's own env files) are never sent, overwritten, deleted or read.
 * The step's own bookkeeping at the top of the destination ({@code REVISION}, the lock, staging folders) is
 * the step's, never the tree's.
 */
public final class TreeRules {
    /** The file composeDeploy's expectRevision reads. */
    public static final String REVISION = "REVISION";
    /** Prefix of the lock folder and staging folders the step keeps at the top of the destination. */
    public static final String INTERNAL_PREFIX = ".deploy-steps";

    private final List<AntPattern> excludes;
    private final List<AntPattern> preserve;

    public TreeRules(List<String> excludes, List<String> preserve) {
        this.excludes = excludes.stream().map(AntPattern::of).toList();
        this.preserve = preserve.stream().map(AntPattern::of).toList();
    }

    /** Whether the path stays out of the sync on both sides: not sent, not compared, not deleted. */
    public boolean leftAlone(String path) {
        return internal(path) || any(excludes, path) || any(preserve, path);
    }

    /** Whether a walk may skip everything under the folder {@code dir}. */
    public boolean leftAloneBelow(String dir) {
        return internal(dir) || excludes.stream().anyMatch(p -> p.coversEverythingUnder(dir))
                || preserve.stream().anyMatch(p -> p.coversEverythingUnder(dir));
    }

    private static boolean internal(String path) {
        return path.equals(REVISION) || (path.startsWith(INTERNAL_PREFIX) && path.indexOf('/') < 0);
    }

    private static boolean any(List<AntPattern> patterns, String path) {
        for (AntPattern p : patterns) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
