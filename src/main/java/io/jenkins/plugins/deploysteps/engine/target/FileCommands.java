package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;

/** Command builders for remote files. Paths reach the scripts only as positional parameters. */
public final class FileCommands {
    /** Exit code our read script uses for "no such file", distinct from cat's generic 1. */
    public static final int NOT_FOUND = 44;

    private FileCommands() {}

    public static Cmd read(String path) {
        return Cmd.script("[ -e \"$1\" ] || { echo \"no such file: $1\" >&2; exit 44; }; exec cat -- \"$1\"", path).named("read " + path);
    }

    public static Cmd exists(String path) {
        return Cmd.of("test", "-e", path);
    }

    /**
     * Replaces a file atomically: the content (stdin) goes to a temporary file in the same directory, takes the
     * old file's mode and owner, and is renamed over it, so readers see the old or the new file, never half of
     * one. A symlink (nginx's sites-enabled) is followed, so the link stays a link. New files get {@code mode}.
     */
    public static Cmd writeAtomically(String path, String modeForNewFile) {
        return Cmd.script("""
                set -eu
                target=$(readlink -f -- "$1")
                dir=$(dirname -- "$target")
                tmp=$(mktemp "$dir/.$(basename -- "$target").deploy-steps.XXXXXX")
                trap 'rm -f -- "$tmp"' EXIT
                cat > "$tmp"
                if [ -e "$target" ]; then
                  chmod --reference="$target" -- "$tmp"
                  chown --reference="$target" -- "$tmp" 2>/dev/null || true
                else
                  chmod "$2" -- "$tmp"
                fi
                mv -f -- "$tmp" "$target"
                trap - EXIT""", path, modeForNewFile).named("write " + path);
    }
}
