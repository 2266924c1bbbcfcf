package io.jenkins.plugins.deploysteps.templates;

/** What {@code error} and a failed step throw in a Pipeline (hudson.AbortException): a message, no stack trace for the log. */
public final class PipelineAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineAbort(String message) {
        super(message, null, false, false);
    }
}
