package io.jenkins.plugins.casc.misc;

/** Signature stub of the JCasC test harness (io.jenkins.configuration-as-code:test-harness); compile only. */
public class JenkinsConfiguredWithCodeRule extends JenkinsConfiguredRule {}
