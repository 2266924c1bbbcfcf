package io.jenkins.plugins.deploysteps.engine.nginx;

/**
 * What a run does to the site file: the content before and after, and in words.
 *
 * @param server which server block, for messages ({@code the server block at line 1 (server_name app.example.com)})
 */
record SiteChange(Kind kind, String before, String after, String server) {
    enum Kind {
        ADDED("added"),
        UPDATED("updated"),
        REMOVED("removed"),
        /** The whole file put back from a backup ({@code state: 'restored'}). */
        RESTORED("restored"),
        UNCHANGED("already as asked: nothing to change");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    boolean changes() {
        return kind != Kind.UNCHANGED;
    }
}
