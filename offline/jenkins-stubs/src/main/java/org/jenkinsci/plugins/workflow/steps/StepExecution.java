package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Signature stub of workflow-step-api (org.jenkins-ci.plugins.workflow:workflow-step-api); compile only. */
public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException();
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;
}
