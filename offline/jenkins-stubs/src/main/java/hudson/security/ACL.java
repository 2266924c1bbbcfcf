package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class ACL {
    /** Not {@code = null}: SpotBugs reads the stub's initializer and would take the real, non-null value for a known null. */
    public static final Authentication SYSTEM2 = unavailable();

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException();
    }

    private static Authentication unavailable() {
        throw new UnsupportedOperationException();
    }
}
