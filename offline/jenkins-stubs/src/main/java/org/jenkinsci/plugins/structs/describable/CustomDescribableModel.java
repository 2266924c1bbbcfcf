package org.jenkinsci.plugins.structs.describable;

import java.util.Map;

/** Signature stub of structs (org.jenkins-ci.plugins:structs); compile only. */
public interface CustomDescribableModel {
    default Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        throw new UnsupportedOperationException();
    }

    default UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable ud) {
        throw new UnsupportedOperationException();
    }

    static CustomDescribableModel of(Class<?> type) {
        throw new UnsupportedOperationException();
    }
}
