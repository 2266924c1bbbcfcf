package io.jenkins.plugins.deploysteps.engine.target;

/** sudo on the host wants a password; steps never type one, so the sudoers rule has to allow the command. */
public class SudoPasswordRequiredException extends TargetException {
    private static final long serialVersionUID = 1L;

    public SudoPasswordRequiredException(String message) {
        super(message);
    }
}
