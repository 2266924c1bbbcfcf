package io.jenkins.plugins.deploysteps.jenkins;

import java.util.ArrayList;
import java.util.List;

/** Form and Jenkinsfile values as the plugin stores them. */
public final class Values {
    private Values() {}

    /** Trimmed, or null when empty: an empty form field means "not set", so defaults apply. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** Trimmed, or {@code otherwise} when empty: a field that always has a value, its default unless set. */
    public static String trimOr(String s, String otherwise) {
        String t = trimToNull(s);
        return t == null ? otherwise : t;
    }

    /** Null when empty, otherwise as written: text whose spaces mean something (a body, a pattern), where empty means "not set". */
    public static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A list field's own copy; a missing list is an empty one. */
    public static <T> List<T> copy(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }
}
