package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Queue extends ResourceController implements Saveable {
    private Queue() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException();
    }

    public interface Task extends FullyNamedModelObject, SubTask {}

    public interface FlyweightTask extends Task {}

    public interface Executable extends Runnable, WithConsoleUrl {}
}
