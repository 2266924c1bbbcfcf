package org.jenkinsci.plugins.structs.describable;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.Map;

/** Signature stub of structs (org.jenkins-ci.plugins:structs); compile only. */
public final class DescribableModel<T> implements Serializable {
    private DescribableModel() {
        throw new UnsupportedOperationException();
    }

    public static <T> DescribableModel<T> of(Class<T> clazz) {
        throw new UnsupportedOperationException();
    }

    public T instantiate(Map<String, ?> arguments, @CheckForNull TaskListener listener) throws IllegalArgumentException {
        throw new UnsupportedOperationException();
    }
}
