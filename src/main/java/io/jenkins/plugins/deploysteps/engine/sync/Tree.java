package io.jenkins.plugins.deploysteps.engine.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A tree's entries by path, in {@link Entry#PATH_ORDER}, so a folder comes right before what it holds. */
abstract class Tree {
    private final TreeMap<String, Entry> entries;

    Tree(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    static TreeMap<String, Entry> newIndex() {
        return new TreeMap<>(Entry.PATH_ORDER);
    }

    public Entry get(String path) {
        return entries.get(path);
    }

    /** Every entry in path order. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Entries inside {@code dir}, at any depth, in path order. */
    public List<Entry> under(String dir) {
        return new ArrayList<>(entries.subMap(dir + "/", Entry.endOf(dir)).values());
    }
}
