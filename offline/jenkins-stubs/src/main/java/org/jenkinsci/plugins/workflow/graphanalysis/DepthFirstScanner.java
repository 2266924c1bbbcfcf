package org.jenkinsci.plugins.workflow.graphanalysis;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public class DepthFirstScanner extends AbstractFlowScanner {}
