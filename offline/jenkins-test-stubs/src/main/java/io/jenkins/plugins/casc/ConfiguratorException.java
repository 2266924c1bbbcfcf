package io.jenkins.plugins.casc;

/** Signature stub of configuration-as-code (io.jenkins:configuration-as-code); compile only. */
public class ConfiguratorException extends RuntimeException {
    public ConfiguratorException(String message) {
        throw new UnsupportedOperationException();
    }
}
