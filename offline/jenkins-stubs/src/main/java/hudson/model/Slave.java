package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor.FormException;
import hudson.slaves.ComputerLauncher;
import java.io.IOException;
import java.io.Serializable;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Slave extends Node implements Serializable {
    protected Slave(@NonNull String name, String remoteFS, ComputerLauncher launcher) throws FormException, IOException {
        throw new UnsupportedOperationException();
    }
}
