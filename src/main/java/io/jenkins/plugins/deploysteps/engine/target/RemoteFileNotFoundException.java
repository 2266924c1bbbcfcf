package io.jenkins.plugins.deploysteps.engine.target;

/** The remote file a step needs to read does not exist. */
public class RemoteFileNotFoundException extends TargetException {
    private static final long serialVersionUID = 1L;

    public RemoteFileNotFoundException(String message) {
        super(message);
    }
}
