package hudson.model;

import java.io.IOException;
/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
        throw new UnsupportedOperationException();
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException();
    }
}
