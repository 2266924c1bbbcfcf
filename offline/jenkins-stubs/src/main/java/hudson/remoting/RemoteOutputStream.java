package hudson.remoting;

import java.io.IOException;
import java.io.OutputStream;

/** Signature stub of remoting (org.jenkins-ci.main:remoting); compile only. */
public final class RemoteOutputStream extends OutputStream {
    public RemoteOutputStream(OutputStream core) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void write(int b) throws IOException {
        throw new UnsupportedOperationException();
    }
}
