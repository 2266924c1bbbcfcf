package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;

/** Command builders for remote files. Paths reach the scripts only as positional parameters. */
public final class FileCommands {
    /** Exit code our read script uses for "no such file", distinct from cat's generic 1. */
    public static final int NOT_FOUND = 44;

    private FileCommands() {}

    public static Cmd read(String path) {
        return Cmd.sudoScript("[ -e \"$1\" ] || { echo \"no such file: $1\" >&2; exit 44; }; exec $SUDO cat -- \"$1\"", path).named("read " + path);
    }

    public static Cmd exists(String path) {
        return Cmd.of("test", "-e", path);
    }

    /**
     * Replaces a file atomically: the content (stdin) goes to a temporary file in the same directory, takes the
     * old file's mode and owner, and is renamed over it, so readers see the old or the new file, never half of
     * one. A symlink (nginx's sites-enabled) is followed, so the link stays a link. New files get {@code mode}. With
     * sudo, the programs that touch the file's directory ask for root; {@code tee} writes the content.
     */
    public static Cmd writeAtomically(String path, String modeForNewFile) {
        return Cmd.sudoScript("""
                set -eu
                target=$(readlink -f -- "$1")
                dir=$(dirname -- "$target")
                tmp=$($SUDO mktemp "$dir/.$(basename -- "$target").deploy-steps.XXXXXX")
                trap '$SUDO rm -f -- "$tmp"' EXIT
                $SUDO tee -- "$tmp" >/dev/null
                if [ -e "$target" ]; then
                  $SUDO chmod --reference="$target" -- "$tmp"
                  $SUDO chown --reference="$target" -- "$tmp" 2>/dev/null || true
                else
                  $SUDO chmod "$2" -- "$tmp"
                fi
                $SUDO mv -f -- "$tmp" "$target"
                trap - EXIT""", path, modeForNewFile).named("write " + path);
    }
}
