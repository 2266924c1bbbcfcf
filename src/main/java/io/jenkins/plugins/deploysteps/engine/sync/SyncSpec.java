package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import io.jenkins.plugins.deploysteps.engine.run.SingleHostSpec;
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
        implements SingleHostSpec {

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

    public TreeRules rules() {
        List<String> all = new java.util.ArrayList<>(excludes);
        all.add("**/.git/**");
        return new TreeRules(all, preserve);
    }

    /** Where the releases layout is, for switching it. */
    public ReleaseSwitch.Place releases() {
        return new ReleaseSwitch.Place(host, to, timeout, keepReleases);
    }

    public String lockPath() {
        return to + "/.deploy-steps.lock";
    }

    /** The folder the files land in: {@code to}, or {@code to/current} with releases. */
    public String liveDir() {
        return layout == Layout.RELEASES ? to + "/current" : to;
    }
}
