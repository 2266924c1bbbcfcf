package hudson.tasks;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Maven extends Builder {
    private Maven() {
        throw new UnsupportedOperationException();
    }

    public interface ProjectWithMaven {}
}
