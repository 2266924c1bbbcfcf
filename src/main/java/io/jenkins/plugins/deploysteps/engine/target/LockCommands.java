package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;

/**
 * Command builders for a lock directory on a host. Taking the lock is one rename of a prepared directory
 * (owner file inside) onto the lock path, which is atomic and cannot leave a lock without an owner. Times
 * come from the host's clock, the one clock every deployer to that host shares. With sudo, only the programs that
 * change the lock's directory ask for root; the owner file is readable by everyone, so reading it needs none.
 */
public final class LockCommands {
    /** Exit code of {@link #acquire} when the lock is held by someone else; its owner file follows on stdout. */
    public static final int HELD = 1;
    /** Exit code of {@link #acquire} after it removed a lock whose lease had run out; try again at once. */
    public static final int BROKE_STALE = 10;
    /** Exit code of {@link #release} when someone else holds the lock. */
    public static final int NOT_OURS = 3;
    /** Exit code of {@link #release} when nobody holds the lock. */
    public static final int NO_LOCK = 4;
    /** What {@link #letGo} prints when it removed a lock the host had taken for us. */
    public static final String LET_GO = "released";

    private LockCommands() {}

    public static Cmd acquire(String lockPath, String token, String holder, long leaseSeconds) {
        return Cmd.sudoScript("""
                set -u
                lock=$1 token=$2 holder=$3 lease=$4
                now=$(date +%s)
                tmp="$lock.$token.tmp"
                $SUDO rm -rf -- "$tmp"
                $SUDO mkdir -- "$tmp" || exit 3
                printf 'holder=%s\\nsince=%s\\nexpires=%s\\ntoken=%s\\n' "$holder" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
                  "$((now + lease))" "$token" | $SUDO tee -- "$tmp/owner" >/dev/null || { $SUDO rm -rf -- "$tmp"; exit 3; }
                if $SUDO mv -T -- "$tmp" "$lock" 2>/dev/null; then exit 0; fi
                $SUDO rm -rf -- "$tmp"
                owner=$(cat -- "$lock/owner" 2>/dev/null || true)
                expires=$(printf '%s\\n' "$owner" | sed -n 's/^expires=//p')
                if [ -n "$expires" ] && [ "$now" -gt "$expires" ] && $SUDO mv -T -- "$lock" "$lock.stale.$token" 2>/dev/null; then
                  $SUDO rm -rf -- "$lock.stale.$token"
                  printf '%s\\n' "$owner"
                  exit 10
                fi
                printf '%s\\n' "$owner"
                exit 1""", lockPath, token, holder, Long.toString(leaseSeconds)).named("lock " + lockPath);
    }

    /**
     * Removes the lock only if it is still ours: after a lease ran out, someone else may hold it now. Running it twice
     * does no harm, so it can be repeated when its reply was lost.
     */
    public static Cmd release(String lockPath, String token) {
        return Cmd.sudoScript("grep -qxF -- \"token=$2\" \"$1/owner\" 2>/dev/null || { [ -e \"$1\" ] && exit 3; exit 4; }; $SUDO rm -rf -- \"$1\"",
                lockPath, token).named("unlock " + lockPath);
    }

    /**
     * Undoes whatever an {@link #acquire} with this token did when its reply never came: the host may have taken the lock
     * (removed here if ours, printing {@link #LET_GO}) or stopped half way, leaving the directory it was preparing. It
     * succeeds when nothing of ours is left, whoever holds the lock.
     */
    public static Cmd letGo(String lockPath, String token) {
        return Cmd.sudoScript("$SUDO rm -rf -- \"$1.$2.tmp\" || exit 1; grep -qxF -- \"token=$2\" \"$1/owner\" 2>/dev/null || exit 0; "
                + "$SUDO rm -rf -- \"$1\" && echo " + LET_GO, lockPath, token).named("unlock " + lockPath);
    }
}
