package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class ComboBoxModel extends ArrayList<String> implements HttpResponse {
    public ComboBoxModel() {
        throw new UnsupportedOperationException();
    }
}
