package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Tasks {
    public static @NonNull Authentication getAuthenticationOf2(@NonNull Task t) {
        throw new UnsupportedOperationException();
    }
}
