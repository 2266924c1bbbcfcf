package io.jenkins.plugins.deploysteps.engine.gate;

import java.io.Serializable;

/** A gate's decision and the one-line reason a build log shows for it. */
public record Verdict(Outcome outcome, String reason) implements Serializable {}
