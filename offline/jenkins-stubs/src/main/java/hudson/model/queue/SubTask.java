package hudson.model.queue;

import hudson.model.ResourceActivity;
import jenkins.model.queue.ITask;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface SubTask extends ResourceActivity, ITask {}
