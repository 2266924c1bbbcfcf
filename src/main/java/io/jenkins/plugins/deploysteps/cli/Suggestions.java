package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.Params;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "did you mean ...?" for a misspelled name: the closest known name within a couple of edits. */
final class Suggestions {
    private Suggestions() {}

    static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.length() / 3);
        return known.stream().filter(k -> distance(t, k.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt(k -> distance(t, k.toLowerCase(Locale.ROOT))));
    }

    /** " (did you mean 'x'?)", or nothing. */
    static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        return Params.editDistance(a, b);
    }
}
