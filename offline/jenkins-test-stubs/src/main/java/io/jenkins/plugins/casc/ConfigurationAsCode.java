package io.jenkins.plugins.casc;

import hudson.model.ManagementLink;

/** Signature stub of configuration-as-code (io.jenkins:configuration-as-code); compile only. */
public class ConfigurationAsCode extends ManagementLink {
    private ConfigurationAsCode() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }

    public void configure(String... configParameters) throws ConfiguratorException {
        throw new UnsupportedOperationException();
    }

    public static ConfigurationAsCode get() {
        throw new UnsupportedOperationException();
    }
}
