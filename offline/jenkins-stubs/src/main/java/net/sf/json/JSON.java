package net.sf.json;

import java.io.Serializable;

/** Signature stub of json-lib (org.kohsuke.stapler:json-lib); compile only. */
public interface JSON extends Serializable {}
