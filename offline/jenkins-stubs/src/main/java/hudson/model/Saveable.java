package hudson.model;

import java.io.IOException;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface Saveable {
    void save() throws IOException;
}
