package org.jenkinsci.plugins.workflow.graphanalysis;

import com.google.common.base.Predicate;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Iterator;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public interface Filterator<T> extends Iterator<T> {
    @NonNull
    Filterator<T> filter(@NonNull Predicate<T> matchCondition);
}
