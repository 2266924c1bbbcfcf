package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.ArtifactManager;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl {
    public static final Permission ARTIFACTS = null;

    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(RunT that) {
        throw new UnsupportedOperationException();
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    public final ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException();
    }

    public final synchronized ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException();
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
