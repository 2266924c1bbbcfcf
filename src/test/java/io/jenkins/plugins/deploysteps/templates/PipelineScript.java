package io.jenkins.plugins.deploysteps.templates;

import groovy.lang.Script;

/**
 * The base class of every script the harness runs (a Jenkinsfile's body, a library's {@code vars/*.groovy}): a call
 * no Groovy method answers goes to the {@link LibraryPipeline}, as a Pipeline script's calls go to its steps and
 * global variables.
 */
public abstract class PipelineScript extends Script {
    static final String PIPELINE = "deploy-steps.pipeline";

    public Object methodMissing(String name, Object args) {
        Object[] arguments = args instanceof Object[] a ? a : new Object[] {args};
        return ((LibraryPipeline) getBinding().getVariable(PIPELINE)).call(this, name, arguments);
    }
}
