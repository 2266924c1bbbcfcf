package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.Cmd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Command builders for backup folders on a host. A backup is {@code <root>/<id>/} with a {@code manifest}
 * (one {@code index TAB file|absent TAB path} line per path), the copies under {@code files/<index>}, small
 * text {@code notes/<name>} a step keeps with it, and a {@code complete} marker written last, so a backup cut
 * short (the connection dropped) is never listed or restored. Ids are the host's UTC time,
 * {@code 20260101T120000Z}, with {@code -02}, {@code -03} ... when several are made in one second, so they
 * sort by age. A root of {@code ~/...} is the SSH user's home. Contents never leave the host. With sudo, the programs
 * that write ask for root ({@code mkdir}, {@code cp}, {@code tee}, ...); listing reads the manifests and notes, which
 * are readable by everyone, as the SSH user.
 */
public final class BackupCommands {
    /** Exit code of {@link #create} when a path to back up is a directory. */
    public static final int IS_DIRECTORY = 4;

    private static final String RESOLVE_ROOT = "case $root in '~'/*) root=$HOME/${root#??} ;; '~') root=$HOME ;; esac\n";

    private BackupCommands() {}

    /** Prints the new backup as {@link #list} prints one (without its notes, which the caller has). */
    public static Cmd create(String root, List<String> paths, Map<String, String> notes) {
        List<String> args = new ArrayList<>();
        args.add(root);
        args.add(Integer.toString(notes.size()));
        notes.forEach((name, text) -> {
            args.add(name);
            args.add(text);
        });
        args.addAll(paths);
        return Cmd.sudoScript("set -eu\nroot=$1 n=$2\nshift 2\n" + RESOLVE_ROOT + """
                $SUDO mkdir -p -- "$root"
                base=$(date -u +%Y%m%dT%H%M%SZ)
                id=$base i=1
                until $SUDO mkdir -- "$root/$id" 2>/dev/null; do
                  i=$((i + 1))
                  [ "$i" -le 99 ] || { echo "cannot create a backup folder in $root" >&2; exit 3; }
                  id=$base-$(printf %02d "$i")
                done
                b=$root/$id
                trap '$SUDO rm -rf -- "$b"' EXIT
                $SUDO mkdir -- "$b/files" "$b/notes"
                while [ "$n" -gt 0 ]; do printf '%s' "$2" | $SUDO tee -- "$b/notes/$1" >/dev/null; shift 2; n=$((n - 1)); done
                $SUDO tee -- "$b/manifest" </dev/null >/dev/null
                i=0
                for p; do
                  i=$((i + 1))
                  if [ -d "$p" ]; then echo "$p is a directory: back up the files in it" >&2; exit 4; fi
                  if [ -e "$p" ]; then $SUDO cp -pL -- "$p" "$b/files/$i"; s=file; else s=absent; fi
                  printf '%s\\t%s\\t%s\\n' "$i" "$s" "$p" | $SUDO tee -a -- "$b/manifest" >/dev/null
                done
                $SUDO tee -- "$b/complete" </dev/null >/dev/null
                trap - EXIT
                printf 'backup\\t%s\\t%s\\n' "$id" "$b"
                while IFS= read -r line; do printf 'entry\\t%s\\n' "$line"; done < "$b/manifest\"""", args.toArray(String[]::new)).named("back up " + paths.size() + (paths.size() == 1 ? " file" : " files") + " to " + root);
    }

    /**
     * Every complete backup, oldest first: {@code backup TAB id TAB folder}, then its manifest lines as
     * {@code entry TAB ...} and its notes line by line as {@code note TAB name TAB line}.
     */
    public static Cmd list(String root) {
        return Cmd.script("root=$1\n" + RESOLVE_ROOT + """
                [ -d "$root" ] || exit 0
                for b in "$root"/*; do
                  id=${b##*/}
                  case $id in
                    [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z) ;;
                    [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-[0-9][0-9]) ;;
                    *) continue ;;
                  esac
                  [ -f "$b/complete" ] || continue
                  printf 'backup\\t%s\\t%s\\n' "$id" "$b"
                  while IFS= read -r line; do printf 'entry\\t%s\\n' "$line"; done < "$b/manifest"
                  for f in "$b/notes"/*; do
                    [ -f "$f" ] || continue
                    while IFS= read -r line || [ -n "$line" ]; do printf 'note\\t%s\\t%s\\n' "${f##*/}" "$line"; done < "$f"
                  done
                done""", root).named("list the backups in " + root);
    }

    /**
     * Puts every file of a backup back byte for byte (copy to a temporary file beside it, then rename, keeping
     * the backup's mode and owner; a symlink is followed so it stays a link), compares each with its copy, and
     * removes files that did not exist when the backup was made. Prints {@code restored|removed|absent TAB path}.
     */
    public static Cmd restore(String folder) {
        return Cmd.sudoScript("""
                set -eu
                b=$1
                [ -f "$b/complete" ] || { echo "$b is not a complete backup" >&2; exit 3; }
                tab=$(printf '\\t')
                while IFS=$tab read -r i s p; do
                  case $s in
                    file)
                      t=$(readlink -f -- "$p" 2>/dev/null) || t=$p
                      [ -n "$t" ] || t=$p
                      d=$(dirname -- "$t")
                      $SUDO mkdir -p -- "$d"
                      tmp=$($SUDO mktemp "$d/.${t##*/}.deploy-steps.XXXXXX")
                      if ! { $SUDO cp -p -- "$b/files/$i" "$tmp" && $SUDO mv -f -- "$tmp" "$t"; }; then $SUDO rm -f -- "$tmp"; exit 5; fi
                      $SUDO cmp -s -- "$b/files/$i" "$t" || { echo "$p differs from its backup after restoring it" >&2; exit 6; }
                      printf 'restored\\t%s\\n' "$p" ;;
                    absent)
                      if [ -e "$p" ] || [ -L "$p" ]; then $SUDO rm -f -- "$p"; printf 'removed\\t%s\\n' "$p"; else printf 'absent\\t%s\\n' "$p"; fi ;;
                  esac
                done < "$b/manifest\"""", folder).named("restore the files of " + folder);
    }

    /** Deletes backups by id; ids are checked again here so a bad one can never reach outside the root. */
    public static Cmd delete(String root, List<String> ids) {
        List<String> args = new ArrayList<>();
        args.add(root);
        args.addAll(ids);
        return Cmd.sudoScript("set -eu\nroot=$1\nshift\n" + RESOLVE_ROOT + """
                for id; do
                  case $id in */*|.*|'') echo "not a backup id: $id" >&2; exit 3 ;; esac
                  $SUDO rm -rf -- "$root/$id"
                  printf 'deleted\\t%s\\n' "$id"
                done""", args.toArray(String[]::new)).named("delete " + ids.size() + (ids.size() == 1 ? " old backup" : " old backups") + " in " + root);
    }
}
