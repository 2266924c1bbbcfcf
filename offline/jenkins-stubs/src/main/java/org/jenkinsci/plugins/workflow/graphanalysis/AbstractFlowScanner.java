package org.jenkinsci.plugins.workflow.graphanalysis;

import com.google.common.base.Predicate;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Iterator;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public abstract class AbstractFlowScanner implements Iterable<FlowNode>, Filterator<FlowNode> {
    @Override
    public boolean hasNext() {
        throw new UnsupportedOperationException();
    }

    @Override
    public FlowNode next() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public Iterator<FlowNode> iterator() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public Filterator<FlowNode> filter(@NonNull Predicate<FlowNode> filterCondition) {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public FlowNode findFirstMatch(@CheckForNull FlowExecution exec, @NonNull Predicate<FlowNode> matchPredicate) {
        throw new UnsupportedOperationException();
    }
}
