package io.jenkins.plugins.casc.misc;

import org.jvnet.hudson.test.JenkinsRule;

/** Signature stub of the JCasC test harness (io.jenkins.configuration-as-code:test-harness); compile only. */
public class JenkinsConfiguredRule extends JenkinsRule {}
