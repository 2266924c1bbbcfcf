package hudson.model;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Queue extends ResourceController implements Saveable {
    private Queue() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException();
    }

    /** The real interface extends FullyNamedModelObject and SubTask; the plugin only tests for it. */
    public interface Task {}
}
