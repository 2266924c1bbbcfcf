package io.jenkins.plugins.deploysteps.engine.sync;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;

/**
 * Command builders for syncing a tree. Paths reach the scripts only as positional parameters; names of the tree's
 * files never appear on a command line at all: they travel NUL-separated on stdin or in the staged tar stream, and
 * {@code xargs -0} hands them to programs as argument vectors, so no name is ever read by a shell. With sudo, each
 * program that touches the destination runs as {@code sudo -n -- PROGRAM} ({@link Cmd#sudoScript}), not the script.
 */
public final class SyncCommands {
    /** Separates the listing from the hashes in {@link #manifest}'s output. */
    static final String HASHES_MARK = "=hashes";

    private SyncCommands() {}

    /** The command with root asked for by the programs it marks, when the host uses sudo. */
    private static Cmd asRoot(boolean sudo, Cmd cmd) {
        return sudo ? cmd.withSudo() : cmd;
    }

    /**
     * The destination as it is, in one round trip: {@code absent}, or {@code present}, the first line of REVISION,
     * every entry ({@code type mode size path link}, NUL-separated, the step's own folders left out), then the
     * SHA-256 of each regular file named on stdin (the files the workspace has, so excluded and preserved files are
     * never read). Symlinks are not followed when hashing.
     */
    public static Cmd manifest(String dir, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("""
                set -u
                [ -d "$1" ] || { printf 'absent\\0'; exit 0; }
                cd -- "$1" || exit 3
                printf 'present\\0'
                if [ -f REVISION ]; then head -c 200 REVISION | head -n 1 | tr -d '\\000\\n'; fi
                printf '\\0'
                $SUDO find . -mindepth 1 -path './.deploy-steps*' -prune -o -printf '%y\\0%m\\0%s\\0%P\\0%l\\0' || exit 4
                printf '=hashes\\0'
                xargs -0 -r sh -c 'for f; do if [ -f "$f" ] && [ ! -h "$f" ]; then printf "%s\\0" "$f"; fi; done' sh \\
                  | $SUDO xargs -0 -r sha256sum -- 2>/dev/null
                exit 0""", dir));
    }

    /** Creates the destination (and its parents) so the lock has a place. */
    public static Cmd makeDir(String dir, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("[ -d \"$1\" ] || $SUDO mkdir -p -- \"$1\"", dir));
    }

    /**
     * Unpacks the tar stream on stdin into a fresh staging folder beside the destination's files, after removing
     * what an interrupted sync left. Modes are kept exactly ({@code -p}); owners are the extracting user's.
     */
    public static Cmd extract(String dir, String staging, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("""
                set -eu
                cd -- "$1"
                $SUDO rm -rf -- .deploy-steps.sync.*
                $SUDO mkdir -- "$2"
                exec $SUDO tar -x -p --no-same-owner -f - -C "$2\"""", dir, staging));
    }

    /**
     * Moves the staged files into {@code dir}: REVISION goes first (nothing claims a revision while files change),
     * then deletions, then each staged path is renamed over its destination (atomic per path; a new folder moves
     * as a whole), modes are set, REVISION is renamed in last and the staging folder removed. A sync cut short here
     * leaves no REVISION, and the next sync compares contents and repairs the rest.
     *
     * @param staging the staging folder relative to {@code dir}: our own fixed name, never user text
     */
    public static Cmd commit(String dir, String staging, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("""
                set -eu
                cd -- "$1"
                $SUDO rm -f -- REVISION
                if [ -s "$2/delete" ]; then $SUDO xargs -0 -r rm -rf -- < "$2/delete"; fi
                if [ -s "$2/move" ]; then $SUDO xargs -0 -r -I{} mv -fT -- "$2/tree/{}" "{}" < "$2/move"; fi
                if [ -s "$2/chmod" ]; then $SUDO xargs -0 -r -n 2 chmod -- < "$2/chmod"; fi
                if [ -f "$2/REVISION" ]; then $SUDO mv -fT -- "$2/REVISION" REVISION; fi
                $SUDO rm -rf -- "$2\"""", dir, staging));
    }

    /** Removes a staging folder an interrupted sync left (after reconnecting). */
    public static Cmd removeStaging(String dir, String staging, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("cd -- \"$1\" && $SUDO rm -rf -- \"$2\"", dir, staging));
    }

    /** {@code current <link>} then every release folder name, NUL-separated. */
    public static Cmd releases(String dir) {
        return Cmd.script("""
                set -u
                cd -- "$1" 2>/dev/null || { printf 'absent\\0'; exit 0; }
                printf 'present\\0%s\\0' "$(readlink current 2>/dev/null || true)"
                [ -d releases ] || exit 0
                find releases -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\\0'""", dir);
    }

    /** A new release folder, starting as a copy of the current one (so only changes travel), the step's own folders left out. */
    public static Cmd prepareRelease(String dir, String release, boolean fromCurrent, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("""
                set -eu
                cd -- "$1"
                $SUDO mkdir -p -- releases
                $SUDO rm -rf -- "releases/$2"
                if [ "$3" = copy ]; then $SUDO cp -a -- current/. "releases/$2"; $SUDO rm -rf -- "releases/$2/.deploy-steps.lock"
                else $SUDO mkdir -- "releases/$2"; fi""", dir, release, fromCurrent ? "copy" : "new"));
    }

    /** Points {@code current} at {@code releases/<release>} in one rename, so readers see the old or the new release. */
    public static Cmd switchCurrent(String dir, String release, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("""
                set -eu
                cd -- "$1"
                $SUDO ln -sfn -- "releases/$2" .deploy-steps.current
                $SUDO mv -fT -- .deploy-steps.current current""", dir, release));
    }

    /** Renames a finished release folder to its final name. */
    public static Cmd renameRelease(String dir, String from, String to, boolean sudo) {
        return asRoot(sudo, Cmd.sudoScript("cd -- \"$1\" && $SUDO mv -T -- \"releases/$2\" \"releases/$3\"", dir, from, to));
    }

    /** Removes old releases. */
    public static Cmd removeReleases(String dir, List<String> releases, boolean sudo) {
        List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--"));
        releases.forEach(r -> argv.add(dir + "/releases/" + r));
        return asRoot(sudo, Cmd.argv(argv));
    }
}
