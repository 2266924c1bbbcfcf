package org.jenkinsci.plugins.workflow.graph;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public interface FlowActionStorage {}
