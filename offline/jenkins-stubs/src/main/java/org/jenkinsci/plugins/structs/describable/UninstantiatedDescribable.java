package org.jenkinsci.plugins.structs.describable;

import java.io.Serializable;

/** Signature stub of structs (org.jenkins-ci.plugins:structs); compile only. */
public class UninstantiatedDescribable implements Serializable {
    private static final long serialVersionUID = 1L;

    private UninstantiatedDescribable() {
        throw new UnsupportedOperationException();
    }
}
