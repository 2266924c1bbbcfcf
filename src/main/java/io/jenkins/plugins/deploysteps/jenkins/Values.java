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

    /**
     * A copy of a map whose values may be numbers or booleans in a Jenkinsfile ({@code ['X-Port': 8443]}), as text;
     * {@code nullAs} stands for a null value.
     */
    public static java.util.Map<String, String> texts(java.util.Map<String, String> in, String nullAs) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (in != null) {
            ((java.util.Map<?, ?>) in).forEach((k, v) -> out.put(String.valueOf(k), v == null ? nullAs : String.valueOf(v)));
        }
        return out;
    }
}
