package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> implements Saveable {
    public SystemCredentialsProvider() {
        throw new UnsupportedOperationException();
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException();
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }
}
