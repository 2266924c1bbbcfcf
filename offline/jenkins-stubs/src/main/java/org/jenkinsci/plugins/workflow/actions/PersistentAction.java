package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public interface PersistentAction extends Action {}
