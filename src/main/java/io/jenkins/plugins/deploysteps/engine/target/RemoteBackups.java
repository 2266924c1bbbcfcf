package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamped backup folders of files on a host, for any step that changes files and must be able to put
 * them back: make one before a change, keep the newest N, list them, restore one byte for byte. Copies are
 * made and restored on the host itself, so file contents (env files full of secrets) never cross the
 * connection. See {@link BackupCommands} for the layout.
 */
public final class RemoteBackups {
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z(-\\d{2})?");
    private static final Pattern NOTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Target target;
    private final String root;
    private final Duration timeout;
    private final boolean sudo;

    /**
     * @param root the folder holding the backups: absolute, or {@code ~/...} for the SSH user's home
     */
    public RemoteBackups(Target target, String root, Duration timeout, boolean sudo) {
        String problem = pathProblem(root.startsWith("~/") ? "/" + root.substring(2) : root);
        if (problem != null) {
            throw new IllegalArgumentException("backup root " + problem);
        }
        this.target = target;
        this.root = root;
        this.timeout = timeout;
        this.sudo = sudo;
    }

    /** Whether {@code id} has the form backup ids have: {@code 20260101T120000Z} or {@code 20260101T120000Z-02}. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Why a path cannot be backed up (not absolute, or a tab or line break the manifest cannot hold), or null. */
    public static String pathProblem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "'" + path + "' must be an absolute path";
        }
        if (path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\0') >= 0) {
            return "'" + path + "' contains a tab, line break or NUL";
        }
        return null;
    }

    /**
     * Copies {@code paths} (files; a path that does not exist is recorded as absent) into a new backup with
     * {@code notes}. Empty when the command was only printed (a dry run).
     */
    public Optional<Backup> create(List<String> paths, Map<String, String> notes) throws TargetException, InterruptedException {
        for (String p : paths) {
            String problem = pathProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException("cannot back up " + problem);
            }
        }
        notes.keySet().forEach(name -> {
            if (!NOTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a note name: " + name);
            }
        });
        ExecResult r = target.exec(RemoteCommand.of(BackupCommands.create(root, paths, notes), timeout).sudo(sudo).changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException("backing up " + String.join(", ", paths) + " on " + target.name(), r);
        }
        List<Backup> made = parseList(r.stdoutText());
        if (made.isEmpty()) {
            return Optional.empty();
        }
        Backup b = made.get(0);
        return Optional.of(new Backup(b.id(), b.folder(), b.entries(), notes));
    }

    /** Every complete backup, oldest first. */
    public List<Backup> list() throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(BackupCommands.list(root), timeout).sudo(sudo).quiet());
        if (!r.succeeded()) {
            throw new CommandFailedException("listing backups in " + root + " on " + target.name(), r);
        }
        return parseList(r.stdoutText());
    }

    static List<Backup> parseList(String output) {
        List<Backup> out = new ArrayList<>();
        String id = null;
        String folder = null;
        List<Backup.Entry> entries = new ArrayList<>();
        Map<String, StringBuilder> notes = new LinkedHashMap<>();
        for (String line : output.split("\n", -1)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "backup" -> {
                    if (id != null) {
                        out.add(backup(id, folder, entries, notes));
                    }
                    id = f[1];
                    folder = f.length > 2 ? f[2] : "";
                    entries = new ArrayList<>();
                    notes = new LinkedHashMap<>();
                }
                case "entry" -> {
                    if (f.length >= 4) {
                        entries.add(new Backup.Entry(line.split("\t", 4)[3], f[2].equals("file")));
                    }
                }
                case "note" -> {
                    if (f.length >= 3) {
                        StringBuilder b = notes.computeIfAbsent(f[1], k -> new StringBuilder());
                        b.append(b.isEmpty() ? "" : "\n").append(line.split("\t", 3)[2]);
                    }
                }
                default -> { }
            }
        }
        if (id != null) {
            out.add(backup(id, folder, entries, notes));
        }
        return out;
    }

    private static Backup backup(String id, String folder, List<Backup.Entry> entries, Map<String, StringBuilder> notes) {
        Map<String, String> text = new LinkedHashMap<>();
        notes.forEach((k, v) -> text.put(k, v.toString()));
        return new Backup(id, folder, entries, text);
    }

    /** The backup with this id, or the newest for {@code latest}. */
    public Optional<Backup> find(String idOrLatest) throws TargetException, InterruptedException {
        List<Backup> all = list();
        if ("latest".equals(idOrLatest)) {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
        return all.stream().filter(b -> b.id().equals(idOrLatest)).findFirst();
    }

    /** What {@link #prune} kept and deleted, each oldest first. */
    public record Pruning(List<Backup> kept, List<Backup> deleted) {}

    /** Deletes all but the newest {@code keep} backups; says which, so a step can also drop what it kept for them. */
    public Pruning prune(int keep) throws TargetException, InterruptedException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        List<Backup> all = list();
        if (all.size() <= keep) {
            return new Pruning(all, List.of());
        }
        List<Backup> old = List.copyOf(all.subList(0, all.size() - keep));
        ExecResult r = target.exec(RemoteCommand.of(BackupCommands.delete(root, old.stream().map(Backup::id).toList()), timeout)
                .sudo(sudo).changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException("deleting old backups in " + root + " on " + target.name(), r);
        }
        return new Pruning(List.copyOf(all.subList(all.size() - keep, all.size())), old);
    }

    /**
     * Puts the backup's files back byte for byte and removes the files that did not exist when it was made.
     *
     * @return one line per path: {@code restored /app/.env}, {@code removed /app/new.conf}
     */
    public List<String> restore(Backup backup) throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(BackupCommands.restore(backup.folder()), timeout).sudo(sudo).changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException("restoring backup " + backup.id() + " on " + target.name(), r);
        }
        List<String> done = new ArrayList<>();
        for (String line : r.stdoutText().split("\n")) {
            if (!line.isBlank()) {
                done.add(line.replace('\t', ' '));
            }
        }
        return done;
    }
}
