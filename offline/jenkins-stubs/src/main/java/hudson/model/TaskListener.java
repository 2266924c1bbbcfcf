package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    TaskListener NULL = null;

    @NonNull
    PrintStream getLogger();
}
