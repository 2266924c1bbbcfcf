package io.jenkins.plugins.deploysteps.engine.nginx;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;

/** Command builders for nginx on a host. Test and reload commands are plain words, run as an argument vector. */
final class NginxCommands {
    static final List<String> DEFAULT_TEST = List.of("nginx", "-t");
    static final List<String> DEFAULT_RELOAD = List.of("nginx", "-s", "reload");
    /** Exit code of {@link #testCandidate} when the host cannot make a private mount namespace. */
    static final int NO_NAMESPACE = 96;
    /** Exit code of {@link #testCandidate} when the candidate could not be mounted over the site file. */
    static final int NO_MOUNT = 97;

    private NginxCommands() {}

    private static final int EVIDENCE_LINES = 40;

    /** The last lines of a command's output, for evidence. */
    static String output(io.jenkins.plugins.deploysteps.engine.target.ExecResult r) {
        String all = (r.stdoutText() + r.stderrText()).strip();
        String[] lines = all.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - EVIDENCE_LINES), lines.length));
    }

    /** nginx's own reason ({@code [emerg] ...}) when it gave one, else the last line. */
    static String lastLine(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("[emerg]")) {
                return line.strip();
            }
        }
        String[] lines = output.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no output)" : lines[lines.length - 1].strip();
    }

    static Cmd run(List<String> words) {
        return Cmd.argv(words);
    }

    /**
     * Runs the test command against the whole configuration as it would be with the candidate (stdin) in place of the
     * site file, without touching the file or the running nginx: the candidate goes to a temporary file in /tmp, and
     * the test runs in a private mount namespace ({@code unshare --mount}) where that file is bind-mounted over the
     * site file (its symlink target, for sites-enabled links). Only the test command sees the candidate; the mount
     * disappears with the namespace when the test ends. Chosen over testing a copy of the configuration tree because
     * nginx resolves includes, relative paths and the prefix from where files really are: a copy would need every
     * include rewritten and would test something slightly different; this tests the real tree with one file swapped.
     * It needs root, as a real {@code nginx -t} usually does anyway: with sudo, {@code unshare} is the program that asks
     * for it, and the mount and the test run as root inside the namespace it makes.
     */
    static Cmd testCandidate(String site, List<String> testWords) {
        List<String> args = new ArrayList<>();
        args.add(site);
        args.addAll(testWords);
        return Cmd.sudoScript("""
                set -u
                site=$1
                shift
                target=$(readlink -f -- "$site") && [ -f "$target" ] || { echo "no file $site" >&2; exit 3; }
                $SUDO unshare --mount --propagation private -- true 2>/dev/null || {
                  echo "cannot make a private mount namespace to test the candidate in (unshare --mount needs root: turn sudo on for this host and allow unshare)" >&2
                  exit 96
                }
                cand=$(mktemp /tmp/deploy-steps-nginx-candidate.XXXXXX) || exit 3
                trap 'rm -f -- "$cand"' EXIT
                cat > "$cand"
                $SUDO unshare --mount --propagation private -- sh -c 'mount --bind -- "$1" "$2" || exit 97; shift 2; exec "$@"' sh "$cand" "$target" "$@\"""",
                args.toArray(String[]::new)).named("test the new " + site + " with nginx -t");
    }
}
