package io.jenkins.plugins.deploysteps.engine.run;

/** How an exception nobody planned for is described in a check: its kind and message, with where it was thrown. */
public final class Unexpected {
    private Unexpected() {}

    public static String describe(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        String where = at.length == 0 ? "" : " (at " + at[0].getClassName().replaceFirst(".*\\.", "") + "." + at[0].getMethodName() + ")";
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + where;
    }
}
