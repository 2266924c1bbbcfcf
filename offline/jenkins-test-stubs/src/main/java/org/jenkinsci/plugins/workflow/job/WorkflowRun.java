package org.jenkinsci.plugins.workflow.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.io.IOException;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

/** Signature stub of workflow-job (org.jenkins-ci.plugins.workflow:workflow-job); compile only. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable, LazyBuildMixIn.LazyLoadingRun<WorkflowJob, WorkflowRun>, RunWithSCM<WorkflowJob, WorkflowRun> {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
        throw new UnsupportedOperationException();
    }

    public @CheckForNull FlowExecution getExecution() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FlowExecutionOwner asFlowExecutionOwner() {
        throw new UnsupportedOperationException();
    }
}
