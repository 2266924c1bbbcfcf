package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public final class BuildListenerAdapter implements BuildListener {
    private BuildListenerAdapter() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PrintStream getLogger() {
        throw new UnsupportedOperationException();
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException();
    }
}
