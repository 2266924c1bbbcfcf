package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public final class Result implements Serializable, CustomExportedBean {
    public static final Result SUCCESS = null;

    public static final Result UNSTABLE = null;

    public static final Result FAILURE = null;

    private Result() {
        throw new UnsupportedOperationException();
    }
}
