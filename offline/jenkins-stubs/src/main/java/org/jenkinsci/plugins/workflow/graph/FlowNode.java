package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public abstract class FlowNode extends Actionable implements Saveable {
    private FlowNode() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayFunctionName() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public final <T extends Action> T getPersistentAction(@NonNull Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
