package org.jenkinsci.plugins.workflow.steps;

/** Signature stub of workflow-step-api (org.jenkins-ci.plugins.workflow:workflow-step-api); compile only. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
        throw new UnsupportedOperationException();
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException();
    }
}
