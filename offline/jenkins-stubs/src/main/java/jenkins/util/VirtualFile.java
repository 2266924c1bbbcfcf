package jenkins.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {
    public abstract boolean exists() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract InputStream open() throws IOException;
}
