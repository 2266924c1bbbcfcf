package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Signature stub of credentials (org.jenkins-ci.plugins:credentials); compile only. */
public interface CredentialsMatcher extends Serializable {
    boolean matches(@NonNull Credentials item);
}
