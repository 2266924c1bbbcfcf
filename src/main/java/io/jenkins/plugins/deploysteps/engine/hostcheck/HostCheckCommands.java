package io.jenkins.plugins.deploysteps.engine.hostcheck;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.List;

/** Command builders for reading a host's resources. Linux hosts: /proc and POSIX df. */
public final class HostCheckCommands {
    private HostCheckCommands() {}

    /** POSIX output format in KiB, one line per file system, stable across coreutils and busybox. */
    public static Cmd diskFree(String path) {
        return Cmd.of("df", "-Pk", "--", path);
    }

    public static Cmd memInfo() {
        return Cmd.of("cat", "/proc/meminfo");
    }

    public static Cmd loadAverage() {
        return Cmd.of("cat", "/proc/loadavg");
    }

    /**
     * Prints {@code found <name> <path>} or {@code missing <name>} per command. Non-root SSH sessions often lack
     * /usr/sbin on PATH (Debian), where nginx lives, so those directories are searched too.
     */
    public static Cmd findCommands(List<String> names) {
        return Cmd.script("""
                for c; do
                  if p=$(command -v -- "$c" 2>/dev/null); then printf 'found %s %s\\n' "$c" "$p"
                  else
                    p=''
                    for d in /usr/local/sbin /usr/sbin /sbin; do [ -x "$d/$c" ] && { p="$d/$c"; break; }; done
                    if [ -n "$p" ]; then printf 'offpath %s %s\\n' "$c" "$p"; else printf 'missing %s\\n' "$c"; fi
                  fi
                done""", names.toArray(String[]::new)).named("look for " + String.join(", ", names));
    }
}
