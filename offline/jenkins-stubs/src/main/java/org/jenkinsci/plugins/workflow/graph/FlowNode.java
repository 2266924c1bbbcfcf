package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public abstract class FlowNode extends Actionable implements Saveable {
    private FlowNode() {
        throw new UnsupportedOperationException();
    }
}
