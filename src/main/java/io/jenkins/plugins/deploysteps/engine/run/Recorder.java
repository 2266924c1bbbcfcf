package io.jenkins.plugins.deploysteps.engine.run;

import io.jenkins.plugins.deploysteps.engine.report.Check;

/**
 * Where {@link Stages} record their checks: a {@link CheckRunner}, or a workflow's own runner that also keeps the
 * checks it recorded (to ask what failed since a point).
 */
public interface Recorder {
    /** Runs and records the check {@code name}, which hands its value on with it. */
    <T> Checked<T> produce(String name, CheckRunner.Producer<T> body) throws InterruptedException;

    /** Records {@code name} as SKIP, for {@code why}. */
    Check skip(String name, String why);
}
