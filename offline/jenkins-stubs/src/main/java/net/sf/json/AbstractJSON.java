package net.sf.json;

/** Signature stub of json-lib (org.kohsuke.stapler:json-lib); compile only. */
abstract class AbstractJSON implements JSON {}
