package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;

/** Command builders for composeDeploy's preflight reads, which must never carry an env file's values off the host. */
final class PreflightCommands {
    private PreflightCommands() {}

    /**
     * Which of {@code keys} the env files set, without a single value leaving the host: awk reads the files there
     * and prints only {@code key TAB file TAB name TAB set|empty} for the wanted keys, plus {@code nofile} or
     * {@code unreadable} lines for files it cannot read. Keys are checked names ({@code [A-Za-z_][A-Za-z0-9_]*}),
     * so they can travel in one awk variable. With sudo, {@code cat} reads the files (env files are often
     * root's alone); awk runs as the SSH user.
     */
    static Cmd envKeys(String dir, List<String> keys, List<String> files) {
        List<String> args = new ArrayList<>(List.of(dir, String.join(" ", keys)));
        args.addAll(files);
        return Cmd.sudoScript("""
                cd -- "$1" || exit 3
                want=$2
                shift 2
                for f; do
                  if [ ! -e "$f" ]; then printf 'nofile\\t%s\\n' "$f"; continue; fi
                  if [ ! -f "$f" ] || ! text=$($SUDO cat -- "$f"); then printf 'unreadable\\t%s\\n' "$f"; continue; fi
                  printf '%s\\n' "$text" | file=$f awk -v want="$want" '
                    BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) wanted[w[i]] = 1; sq = sprintf("%c", 39) }
                    {
                      line = $0
                      sub(/^[ \\t]*export[ \\t]+/, "", line)
                      if (!match(line, /^[ \\t]*[A-Za-z_][A-Za-z0-9_]*[ \\t]*=/)) next
                      key = substr(line, RSTART, RLENGTH - 1)
                      gsub(/[ \\t]/, "", key)
                      if (!(key in wanted)) next
                      value = substr(line, RSTART + RLENGTH)
                      gsub(/^[ \\t]+|[ \\t]+$/, "", value)
                      state = (value == "" || value == "\\"\\"" || value == sq sq) ? "empty" : "set"
                      printf "key\\t%s\\t%s\\t%s\\n", ENVIRON["file"], key, state
                    }'
                done""", args.toArray(String[]::new)).named("look for the required env keys in " + dir);
    }

    /**
     * The revision in {@code dir}: {@code file <first line of REVISION>} (what a sync writes last, so it names the
     * code synced even into a folder inside a git checkout), else {@code git <sha>} from git (any owner:
     * {@code safe.directory}), else {@code none}.
     */
    static Cmd revision(String dir) {
        return Cmd.script("""
                cd -- "$1" || exit 3
                if [ -f REVISION ]; then printf 'file %s\\n' "$(head -n 1 REVISION | cut -c1-200)"; exit 0; fi
                if command -v git >/dev/null 2>&1 && r=$(git -c safe.directory='*' rev-parse HEAD 2>/dev/null); then echo "git $r"; exit 0; fi
                echo none""", dir).named("read the revision of " + dir);
    }

    /**
     * Who holds a port, for the evidence of a port conflict (root sees every process; others only their own). Without
     * a sudo rule for {@code ss} it still names the port, as the SSH user sees it.
     */
    static Cmd portOwners(int port) {
        return Cmd.sudoScript("command -v ss >/dev/null 2>&1 || exit 0; $SUDO ss -Hlnp \"( sport = :$1 )\" 2>/dev/null || ss -Hlnp \"( sport = :$1 )\" 2>/dev/null",
                Integer.toString(port)).named("find what listens on port " + port);
    }
}
