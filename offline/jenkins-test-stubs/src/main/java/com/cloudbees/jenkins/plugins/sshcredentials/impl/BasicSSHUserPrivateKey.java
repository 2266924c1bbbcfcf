package com.cloudbees.jenkins.plugins.sshcredentials.impl;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.AbstractDescribableImpl;
import hudson.util.Secret;
import java.io.Serializable;
import java.util.List;

/** Signature stub of ssh-credentials (org.jenkins-ci.plugins:ssh-credentials); compile only. */
public class BasicSSHUserPrivateKey extends BaseSSHUser implements SSHUserPrivateKey {
    public BasicSSHUserPrivateKey(CredentialsScope scope, String id, String username, PrivateKeySource privateKeySource,
            String passphrase, String description) {
        super(scope, id, username, description);
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized List<String> getPrivateKeys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Secret getPassphrase() {
        throw new UnsupportedOperationException();
    }

    public abstract static class PrivateKeySource extends AbstractDescribableImpl<PrivateKeySource> {
        public abstract List<String> getPrivateKeys();
    }

    public static class DirectEntryPrivateKeySource extends PrivateKeySource implements Serializable {
        public DirectEntryPrivateKeySource(String privateKey) {
        throw new UnsupportedOperationException();
        }

        @Override
        public List<String> getPrivateKeys() {
        throw new UnsupportedOperationException();
        }
    }
}
