package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

/** Signature stub of workflow-api (org.jenkins-ci.plugins.workflow:workflow-api); compile only. */
public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException();
    }

    public @NonNull Result getResult() {
        throw new UnsupportedOperationException();
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
