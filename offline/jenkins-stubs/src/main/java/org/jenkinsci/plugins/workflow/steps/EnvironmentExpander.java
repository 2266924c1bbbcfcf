package org.jenkinsci.plugins.workflow.steps;

import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/** Signature stub of workflow-step-api (org.jenkins-ci.plugins.workflow:workflow-step-api); compile only. */
public abstract class EnvironmentExpander implements Serializable {
    public abstract void expand(EnvVars env) throws IOException, InterruptedException;

    public Set<String> getSensitiveVariables() {
        throw new UnsupportedOperationException();
    }
}
