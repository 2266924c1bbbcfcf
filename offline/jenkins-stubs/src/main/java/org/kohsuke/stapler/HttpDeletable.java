package org.kohsuke.stapler;

/** Signature stub of stapler (org.kohsuke.stapler:stapler); compile only. */
public interface HttpDeletable {}
