package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
