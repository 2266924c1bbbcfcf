package io.jenkins.plugins.deploysteps.engine.compose;

import io.jenkins.plugins.deploysteps.engine.command.RemoteCommand;
import io.jenkins.plugins.deploysteps.engine.target.ExecResult;
import io.jenkins.plugins.deploysteps.engine.target.ForwardingTarget;
import io.jenkins.plugins.deploysteps.engine.target.Target;
import io.jenkins.plugins.deploysteps.engine.target.TargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/** The real target, except that the first command whose text {@code when} picks is handed to {@code fault} instead. */
final class FaultyTarget extends ForwardingTarget {
    /** What happens instead of the command: a result of its own, an exception, or something done before the real command. */
    interface Fault {
        ExecResult apply(RemoteCommand command, Target real) throws TargetException, InterruptedException;
    }

    private final Target real;
    private final Predicate<String> when;
    private final Fault fault;
    private final AtomicBoolean fired = new AtomicBoolean();

    FaultyTarget(Target real, Predicate<String> when, Fault fault) {
        this.real = real;
        this.when = when;
        this.fault = fault;
    }

    @Override
    protected Target delegate() {
        return real;
    }

    @Override
    public ExecResult exec(RemoteCommand command) throws TargetException, InterruptedException {
        if (when.test(command.cmd().render()) && fired.compareAndSet(false, true)) {
            return fault.apply(command, real);
        }
        return super.exec(command);
    }
}
