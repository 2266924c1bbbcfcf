package hudson;

import java.util.TreeMap;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    private EnvVars() {
        throw new UnsupportedOperationException();
    }
}
