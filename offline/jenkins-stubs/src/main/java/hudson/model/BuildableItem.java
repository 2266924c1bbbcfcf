package hudson.model;

import hudson.model.Queue.Task;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface BuildableItem extends Item, Task {}
