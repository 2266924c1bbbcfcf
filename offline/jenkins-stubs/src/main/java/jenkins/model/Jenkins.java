package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.DescriptorByNameOwner;
import hudson.model.ModifiableViewGroup;
import hudson.security.AccessControlled;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup, AccessControlled, DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable {
    public static final Permission ADMINISTER = null;

    public static final Permission READ = null;

    private Jenkins() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException();
    }

    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }
}
