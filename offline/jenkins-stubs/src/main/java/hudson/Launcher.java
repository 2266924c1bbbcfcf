package hudson;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class Launcher {
    private Launcher() {
        throw new UnsupportedOperationException();
    }
}
