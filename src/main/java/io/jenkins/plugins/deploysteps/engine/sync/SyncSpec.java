package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.StepSpec;
import java.time.Duration;
import java.util.List;

/**
 * A validated syncFiles.
 *
 * @param from the local folder, relative to the workspace (or the plan's folder)
 * @param to the absolute destination on the host
 * @param revision what REVISION records; null to take the workspace's git HEAD (none when there is no checkout)
 * @param timeout of each remote command, the transfer included
 * @param lockTimeout how long to wait for another sync or deploy of the same directory
 */
public record SyncSpec(
        String host,
        String from,
        String to,
        List<String> excludes,
        List<String> preserve,
        boolean delete,
        String revision,
        Layout layout,
        int keepReleases,
        boolean rollback,
        boolean dryRun,
        Duration timeout,
        Duration lockTimeout,
        CommonParams common)
        implements StepSpec {

    /** Where the files go: into {@code to} itself, or a new {@code to/releases/<id>} that {@code to/current} points to. */
    public enum Layout {
        PLAIN, RELEASES;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SyncSpec {
        excludes = List.copyOf(excludes);
        preserve = List.copyOf(preserve);
    }

    @Override
    public List<String> hosts() {
        return List.of(host);
    }

    public TreeRules rules() {
        List<String> all = new java.util.ArrayList<>(excludes);
        all.add("**/.git/**");
        return new TreeRules(all, preserve);
    }

    public String lockPath() {
        return to + "/.deploy-steps.lock";
    }

    /** The folder the files land in: {@code to}, or {@code to/current} with releases. */
    public String liveDir() {
        return layout == Layout.RELEASES ? to + "/current" : to;
    }
}
