package io.jenkins.plugins.deploysteps.engine.progress;

/**
 * Where progress lines go: the CLI prints them to the terminal, the Jenkins adapter to the build log through
 * its TaskListener. Lines arrive already masked and formatted; an implementation only prints them.
 */
@FunctionalInterface
public interface ProgressSink {
    enum Level {
        INFO,
        /** Remote output, streamed as it arrives. */
        OUTPUT,
        /** A check that needs a look ({@code [WARN]}, {@code [FAIL]}, {@code [ERROR]}): its own marker says which. */
        PROBLEM,
        /** Something about the run itself the user should know ({@code WARNING: ...}). */
        WARNING
    }

    void line(Level level, String text);

    /** Drops everything: for benchmarks and tests that only look at results. */
    ProgressSink NONE = (level, text) -> {};
}
