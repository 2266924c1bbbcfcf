package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public interface Credentials extends Serializable {
    @CheckForNull
    CredentialsScope getScope();
}
