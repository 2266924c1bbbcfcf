package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.util.io.OnMaster;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Node extends AbstractModelObject implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
