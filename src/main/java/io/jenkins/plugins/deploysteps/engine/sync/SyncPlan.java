package io.jenkins.plugins.deploysteps.engine.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sync does, decided from the workspace's tree and the host's: which paths are sent, which staged paths are
 * renamed into place (a folder the host lacks moves as a whole), what is deleted, which modes change, and the counts
 * the report gives. Files are compared by content: a size that differs is enough, otherwise the hashes decide.
 */
public final class SyncPlan {
    /** One change a dry run lists. */
    public record Change(String action, String path, long size) {}

    private final List<Entry> send = new ArrayList<>();
    private final List<String> moves = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final List<String[]> modes = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private int added;
    private int changed;
    private int deleted;
    private int unchanged;
    private long bytesToSend;

    private SyncPlan() {}

    public static SyncPlan of(LocalTree local, RemoteTree remote, TreeRules rules, boolean delete) throws SyncException {
        SyncPlan plan = new SyncPlan();
        String newDir = null;
        for (Entry l : local.entries()) {
            if (newDir != null && l.isUnder(newDir)) {
                plan.send(l);
                plan.count(l, "add");
                continue;
            }
            newDir = null;
            Entry r = remote.get(l.path());
            if (r == null || r.kind() != l.kind()) {
                if (r != null) {
                    plan.replace(r, remote, rules);
                }
                plan.send(l);
                plan.moves.add(l.path());
                if (l.isDir()) {
                    newDir = l.path();
                } else {
                    plan.count(l, r == null ? "add" : "change");
                }
            } else if (l.kind() == Entry.Kind.DIR) {
                plan.modeOf(l, r);
            } else if (l.kind() == Entry.Kind.LINK) {
                plan.sendIf(!l.linkTarget().equals(r.linkTarget()), l);
            } else {
                boolean same = l.size() == r.size() && local.sha256(l.path()).equals(remote.hash(l.path()));
                plan.sendIf(!same, l);
                if (same) {
                    plan.modeOf(l, r);
                }
            }
        }
        if (delete) {
            plan.deletions(local, remote, rules);
        }
        return plan;
    }

    private void sendIf(boolean differs, Entry l) {
        if (differs) {
            send(l);
            moves.add(l.path());
            count(l, "change");
        } else {
            unchanged++;
        }
    }

    private void send(Entry l) {
        send.add(l);
        bytesToSend += l.size();
    }

    private void count(Entry l, String action) {
        if (l.isDir()) {
            return;
        }
        if (action.equals("add")) {
            added++;
        } else {
            changed++;
        }
        changes.add(new Change(action, l.path(), l.size()));
    }

    private void modeOf(Entry l, Entry r) {
        if (l.mode() != r.mode()) {
            modes.add(new String[] {String.format("%04o", l.mode()), l.path()});
            changes.add(new Change("mode " + String.format("%04o", r.mode()) + " -> " + String.format("%04o", l.mode()), l.path(), 0));
        }
    }

    /** A remote entry of another type goes first; a folder may go only if nothing in it is protected. */
    private void replace(Entry r, RemoteTree remote, TreeRules rules) throws SyncException {
        if (r.isDir() && remote.under(r.path()).stream().anyMatch(e -> rules.leftAlone(e.path()))) {
            throw new SyncException(r.path() + " is a folder on the host holding preserved or excluded files, and not a folder in the "
                    + "workspace; the sync will not delete those files");
        }
        deletes.add(r.path());
    }

    private void deletions(LocalTree local, RemoteTree remote, TreeRules rules) {
        String gone = null;
        for (Entry r : remote.entries()) {
            if (gone != null && r.isUnder(gone)) {
                countDeleted(r);
                continue;
            }
            gone = null;
            if (local.get(r.path()) != null || rules.leftAlone(r.path()) || protectedAbove(r, rules)) {
                continue;
            }
            if (r.isDir() && remote.under(r.path()).stream().anyMatch(e -> rules.leftAlone(e.path()))) {
                continue; // its unprotected contents are deleted one by one; the folder stays for what it protects
            }
            deletes.add(r.path());
            countDeleted(r);
            if (r.isDir()) {
                gone = r.path();
            }
        }
    }

    /** Whether a folder above the entry is left alone (an excluded folder's contents are never deleted). */
    private static boolean protectedAbove(Entry r, TreeRules rules) {
        for (String p = r.parent(); !p.isEmpty(); p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
            if (rules.leftAlone(p)) {
                return true;
            }
        }
        return false;
    }

    private void countDeleted(Entry r) {
        if (!r.isDir()) {
            deleted++;
            changes.add(new Change("delete", r.path(), r.size()));
        }
    }

    /** The entries to put in the tar stream, folders before their contents. */
    public List<Entry> send() {
        return send;
    }

    /** Top-most staged paths to rename into place. */
    public List<String> moves() {
        return moves;
    }

    /** Host paths to delete before the moves (gone from the workspace, or replaced by another type). */
    public List<String> deletes() {
        return deletes;
    }

    /** {@code mode, path} pairs for entries whose content is the same but whose mode is not. */
    public List<String[]> modes() {
        return modes;
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean changesNothing() {
        return send.isEmpty() && deletes.isEmpty() && modes.isEmpty();
    }

    public int added() {
        return added;
    }

    public int changed() {
        return changed;
    }

    public int deleted() {
        return deleted;
    }

    public int unchanged() {
        return unchanged;
    }

    public long bytesToSend() {
        return bytesToSend;
    }
}
