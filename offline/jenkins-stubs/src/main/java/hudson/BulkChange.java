package hudson;

import hudson.model.Saveable;
import java.io.Closeable;
import java.io.IOException;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class BulkChange implements Closeable {
    public BulkChange(Saveable saveable) {
        throw new UnsupportedOperationException();
    }

    public void commit() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }
}
