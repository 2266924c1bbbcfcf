package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.compose.ComposeDeploy;
import io.jenkins.plugins.deploysteps.engine.params.Param;
import io.jenkins.plugins.deploysteps.engine.params.ParamSet;
import io.jenkins.plugins.deploysteps.engine.params.SpecException;
import io.jenkins.plugins.deploysteps.engine.run.CommonParams;
import java.time.Duration;
import java.util.List;

/** syncFiles' parameters, declared once. */
final class SyncFilesParams {
    static final Param<String> HOST = Param.requiredString("host").doc("a configured host");
    static final Param<String> FROM = Param.requiredString("from")
            .doc("the folder to copy, relative to the workspace on the agent (CLI: to the plan's folder); no `..`")
            .rule((path, from) -> {
                if (from.startsWith("/") || List.of(from.split("/")).contains("..")) {
                    throw new SpecException(path, "'" + from + "' must be a folder inside the workspace (a relative path without '..')");
                }
            });
    /** Checked in binding, after its trailing slashes are gone. */
    static final Param<String> TO = Param.requiredString("to").doc("the absolute destination folder on the host (created when missing; not `/`)");
    static final Param<List<String>> EXCLUDES = Param.strings("excludes", List.of()).rule(Param.eachEntry(SyncFilesParams::pattern))
            .doc("Ant-style patterns neither sent nor deleted on the host; `.git` folders are always excluded");
    static final Param<List<String>> PRESERVE = Param.stringsOrNone("preserve", List.of("**/.env", "**/.env.*"))
            .rule(Param.eachEntry(SyncFilesParams::pattern)).doc("host files never overwritten, deleted or read; `[]` preserves nothing");
    static final Param<Boolean> DELETE = Param.bool("delete", true).doc("delete host files the workspace no longer has");
    static final Param<String> REVISION = Param.string("revision").shownDefault("the workspace's git HEAD")
            .doc("what `REVISION` records (letters, digits, `. _ / + -`); no file is written when there is neither")
            .rule((path, revision) -> {
                // The same rule composeDeploy's expectRevision applies, so whatever is written can be expected.
                if (!ComposeDeploy.REVISION.matcher(revision).matches()) {
                    throw new SpecException(path, "'" + revision + "' is not a commit id or tag (letters, digits, . _ / + -)");
                }
            });
    static final Param<SyncSpec.Layout> LAYOUT = Param.choice("layout", SyncSpec.Layout.class, SyncSpec.Layout.PLAIN).doc("see [Releases](#releases)");
    static final Param<Integer> KEEP_RELEASES = Param.integer("keepReleases", 5, 1, 100).type("integer").doc("with `releases`: how many releases stay");
    static final Param<Boolean> ROLLBACK = Param.bool("rollback", false)
            .doc("with `releases`: switch `current` back to the previous release, send nothing");
    static final Param<Boolean> DRY_RUN = Param.bool("dryRun", false)
            .doc("list what would be added, changed and deleted, with sizes; change nothing");
    static final Param<Duration> TIMEOUT = Param.duration("timeout", Duration.ofMinutes(10)).doc("timeout of each remote command, the transfer included");
    static final Param<Duration> LOCK_TIMEOUT = Param.duration("lockTimeout", Duration.ofMinutes(5))
            .doc("how long to wait for another sync or deploy of the folder");

    static final ParamSet ALL = ParamSet.of(HOST, FROM, TO, EXCLUDES, PRESERVE, DELETE, REVISION, LAYOUT, KEEP_RELEASES, ROLLBACK, DRY_RUN, TIMEOUT,
            LOCK_TIMEOUT).plus(CommonParams.declarations(SyncFiles.NAME));

    private SyncFilesParams() {}

    private static void pattern(String path, String pattern) {
        if (pattern.isBlank() || pattern.indexOf('\0') >= 0) {
            throw new SpecException(path, "an empty pattern matches nothing");
        }
    }
}
