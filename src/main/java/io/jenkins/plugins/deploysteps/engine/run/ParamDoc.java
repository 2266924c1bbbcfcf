package io.jenkins.plugins.deploysteps.engine.run;

/** One parameter of a step as {@code deploy-steps help <step>} lists it. */
public record ParamDoc(String name, String type, String defaultValue, String description) {}
