package io.jenkins.plugins.deploysteps.engine.target;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import java.time.Duration;
import java.util.regex.Pattern;

/** Reads and atomically writes files on a target, through sudo when the file needs root. */
public final class RemoteFiles {
    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");

    private final Target target;
    private final Duration timeout;

    public RemoteFiles(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    /** The file's bytes. File contents never stream into the log: they may hold secrets. */
    public byte[] read(String path, boolean sudo) throws TargetException, InterruptedException {
        ExecResult r = target.exec(RemoteCommand.of(FileCommands.read(path), timeout).sudo(sudo).quiet());
        if (r.exitCode() == FileCommands.NOT_FOUND) {
            throw new RemoteFileNotFoundException("no file " + path + " on " + target.name());
        }
        if (!r.succeeded()) {
            throw new CommandFailedException("reading " + path + " on " + target.name(), r);
        }
        return r.stdout();
    }

    public boolean exists(String path, boolean sudo) throws TargetException, InterruptedException {
        return target.exec(RemoteCommand.of(FileCommands.exists(path), timeout).sudo(sudo).quiet()).succeeded();
    }

    /** Replaces {@code path} atomically, keeping mode and owner; a new file gets {@code modeForNewFile} (e.g. 644). */
    public void write(String path, byte[] content, boolean sudo, String modeForNewFile) throws TargetException, InterruptedException {
        if (!MODE.matcher(modeForNewFile).matches()) {
            throw new IllegalArgumentException("file mode must be octal like 644, not " + modeForNewFile);
        }
        ExecResult r = target.exec(RemoteCommand.of(FileCommands.writeAtomically(path, modeForNewFile), timeout)
                .sudo(sudo).stdin(content).changesHost());
        if (!r.succeeded()) {
            throw new CommandFailedException("writing " + path + " on " + target.name(), r);
        }
    }
}
