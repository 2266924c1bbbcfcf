package io.jenkins.plugins.deploysteps.engine.sync;

/** A sync that cannot go ahead as asked (a link leaving the tree, an unreadable file); the message says which path. */
public final class SyncException extends Exception {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
