package io.jenkins.plugins.deploysteps.jenkins;

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
}
