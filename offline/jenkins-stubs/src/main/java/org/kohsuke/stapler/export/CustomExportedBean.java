package org.kohsuke.stapler.export;

/** Signature stub of stapler (org.kohsuke.stapler:stapler); compile only. */
public interface CustomExportedBean {}
