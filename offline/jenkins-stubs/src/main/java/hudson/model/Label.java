package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import jenkins.model.ModelObjectWithChildren;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Label extends Actionable implements Comparable<Label>, ModelObjectWithChildren {
    private Label() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Label get(String l) {
        throw new UnsupportedOperationException();
    }
}
