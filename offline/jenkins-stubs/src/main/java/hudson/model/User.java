package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.model.Loadable;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class User extends AbstractModelObject implements AccessControlled, DescriptorByNameOwner, Loadable, Saveable, Comparable<User>, ModelObjectWithContextMenu, StaplerProxy {
    private User() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(@NonNull User that) {
        throw new UnsupportedOperationException();
    }

    public @NonNull Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException();
    }

    public static @Nullable User getById(String id, boolean create) {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
