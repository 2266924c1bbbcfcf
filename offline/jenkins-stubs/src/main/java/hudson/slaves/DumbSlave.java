package hudson.slaves;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor.FormException;
import hudson.model.Slave;
import java.io.IOException;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public final class DumbSlave extends Slave {
    public DumbSlave(@NonNull String name, String remoteFS, ComputerLauncher launcher) throws FormException, IOException {
        super(name, remoteFS, launcher);
        throw new UnsupportedOperationException();
    }
}
