package org.jenkinsci.plugins.workflow.flow;

import org.jenkinsci.plugins.workflow.graph.FlowActionStorage;
import org.jenkinsci.plugins.workflow.graph.GraphLookupView;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public abstract class FlowExecution implements FlowActionStorage, GraphLookupView {}
