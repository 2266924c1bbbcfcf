package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import io.jenkins.plugins.deploysteps.engine.params.Durations;
import java.time.Duration;

/**
 * Command builders for the downtime probe: a request loop that runs on the host in the background, detached from
 * the SSH session, so it keeps measuring while the deploy's own commands run over the same connection. It writes
 * one line per request ({@code <epoch nanoseconds> <status>}, status {@code 000} when nothing answered) to a file
 * in /tmp, and it ends on its own: when told to, when its file is gone, or at its deadline, so a step that dies
 * leaves no loop behind for longer than that.
 */
final class DowntimeCommands {
    /** Exit code of {@link #start} when the host has no curl. */
    static final int NO_CURL = 4;

    private DowntimeCommands() {}

    /** Starts the loop; prints {@code started <file> <host clock, epoch nanoseconds>}. */
    static Cmd start(DowntimeSettings s, Duration deadline) {
        return Cmd.script("""
                command -v curl >/dev/null 2>&1 || { echo "curl is not installed on the host" >&2; exit 4; }
                out=$(mktemp /tmp/deploy-steps-downtime.XXXXXX) || exit 3
                url=$1 interval=$2 rt=$3 end=$(( $(date +%s) + $4 ))
                (
                  trap '' HUP
                  while [ -e "$out" ] && [ ! -e "$out.stop" ] && [ "$(date +%s)" -lt "$end" ]; do
                    t=$(date +%s%N)
                    c=$(curl -s -o /dev/null -m "$rt" -w '%{http_code}' -- "$url" 2>/dev/null)
                    printf '%s %s\\n' "$t" "${c:-000}" >> "$out"
                    sleep "$interval"
                  done
                  rm -f -- "$out.stop"
                ) </dev/null >/dev/null 2>&1 &
                echo "started $out $(date +%s%N)\"""", s.url().toString(), seconds(s.interval()), seconds(s.requestTimeout()),
                Long.toString(Math.max(1, deadline.toSeconds())));
    }

    /** Stops the loop (waiting for its last request, bounded), prints what it measured and removes its file. */
    static Cmd stop(String file, Duration longestRequest) {
        long polls = Math.max(10, longestRequest.plusSeconds(2).toMillis() / 100);
        return Cmd.script("""
                out=$1
                case "$out" in /tmp/deploy-steps-downtime.*) ;; *) echo "not a probe file: $out" >&2; exit 3 ;; esac
                [ -e "$out" ] || { echo "the probe's file $out is gone" >&2; exit 5; }
                touch -- "$out.stop"
                i=0
                while [ -e "$out.stop" ] && [ "$i" -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done
                cat -- "$out"
                rm -f -- "$out" "$out.stop\"""", file, Long.toString(polls));
    }

    /** A duration as seconds for sleep and curl: {@code 0.1}, {@code 2}. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000)
                .replaceFirst("0+$", "");
    }

    static String describe(DowntimeSettings s) {
        return s.url() + " every " + Durations.format(s.interval());
    }
}
