package io.jenkins.plugins.deploysteps.cli;

import io.jenkins.plugins.deploysteps.engine.params.Typos;
import java.util.Collection;

/** "did you mean ...?" for a misspelled command, step or plan key, worded as the step parameters' messages are. */
final class Suggestions {
    private Suggestions() {}

    /** " (did you mean 'x'?)", or nothing. */
    static String hint(String typed, Collection<String> known) {
        return Typos.closest(typed, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
