package hudson.util;

import java.util.ArrayList;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class ComboBoxModel extends ArrayList<String> {
    public ComboBoxModel() {
        throw new UnsupportedOperationException();
    }
}
