package hudson.model;

import java.io.PrintStream;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface TaskListener {
    PrintStream getLogger();
}
