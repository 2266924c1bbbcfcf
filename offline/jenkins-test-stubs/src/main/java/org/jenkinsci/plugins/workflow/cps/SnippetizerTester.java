package org.jenkinsci.plugins.workflow.cps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.hudson.test.JenkinsRule;

/** Signature stub of workflow-cps's tests (org.jenkins-ci.plugins.workflow:workflow-cps, classifier tests); compile only. */
public class SnippetizerTester {
    public SnippetizerTester(JenkinsRule r) {
        throw new UnsupportedOperationException();
    }

    public void assertRoundTrip(Step step, String expected) throws Exception {
        throw new UnsupportedOperationException();
    }
}
