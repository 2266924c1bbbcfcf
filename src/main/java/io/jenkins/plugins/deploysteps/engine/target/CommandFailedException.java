package io.jenkins.plugins.deploysteps.engine.target;

/** A remote command ran but exited non-zero where success was required. */
public class CommandFailedException extends TargetException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailedException(String what, ExecResult result) {
        super(what + " failed (exit " + result.exitCode() + ")" + (result.tail(5).isEmpty() ? "" : ": " + result.tail(5)));
        this.exitCode = result.exitCode();
    }

    public int exitCode() {
        return exitCode;
    }
}
