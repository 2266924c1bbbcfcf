package hudson;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Functions {
    public Functions() {
        throw new UnsupportedOperationException();
    }

    public static boolean isArtifactsPermissionEnabled() {
        throw new UnsupportedOperationException();
    }
}
