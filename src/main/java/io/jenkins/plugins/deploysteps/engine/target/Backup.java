package io.jenkins.plugins.deploysteps.engine.target;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backup folder on a host, as {@link RemoteBackups} lists it.
 *
 * @param id the host's UTC time it was made, {@code 20260101T120000Z} (ids sort by age)
 * @param folder where it is on the host
 * @param entries the paths it holds, in the order they were given
 * @param notes small texts the step that made it kept with it (which images ran, say)
 */
public record Backup(String id, String folder, List<Entry> entries, Map<String, String> notes) implements Serializable {

    public Backup {
        entries = List.copyOf(entries);
        notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /**
     * A path in a backup.
     *
     * @param existed false when the path did not exist at backup time: restoring removes it
     */
    public record Entry(String path, boolean existed) implements Serializable {}

    public String note(String name) {
        return notes.getOrDefault(name, "");
    }

    public List<String> paths() {
        return entries.stream().map(Entry::path).toList();
    }
}
